using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Switchboard.Analyzers;
using Switchboard.Analyzers.Payloads;
using Switchboard.Generators.Model;
using Switchboard.Generators.Text;

namespace Switchboard.Generators;

public sealed partial class MessageHandlerGenerator
{
    /// <summary>
    /// Writes <c>SwitchboardJsonMetadata.g.cs</c>: an <c>IJsonTypeInfoResolver</c> built on <c>JsonMetadataServices</c>
    /// for every payload and response type, registered with <c>PayloadJson</c> by a module initializer, so that
    /// converting payloads needs no reflection (native AOT) and no setup. The System.Text.Json source generator cannot
    /// do this for us: it does not see another generator's output. Pure: the same model always gives the same text.
    /// </summary>
    internal static class JsonEmitter
    {
        public const string HintName = "SwitchboardJsonMetadata.g.cs";
        private const string ClassName = "SwitchboardJsonMetadata";
        private const string Metadata = "global::System.Text.Json.Serialization.Metadata.";
        private const string Services = Metadata + "JsonMetadataServices.";
        private const string Options = "global::System.Text.Json.JsonSerializerOptions";

        private static readonly string GeneratedCode =
            $"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratedBy.Tool}\", \"{typeof(JsonEmitter).Assembly.GetName().Version}\")]";

        public static void Emit(SourceProductionContext output, JsonMetadataSpec spec)
        {
            output.CancellationToken.ThrowIfCancellationRequested();
            if (spec.Types.Count > 0)
            {
                output.AddSource(HintName, SourceText.From(Write(spec), Encoding.UTF8));
            }
        }

        public static string Write(JsonMetadataSpec spec)
        {
            var factories = FactoryNames(spec.Types);
            var writer = GeneratedFile.Start()
                .Line("#pragma warning disable CS0612, CS0618 // Obsolete members warn where they are declared.")
                .Line();
            if (spec.Namespace.Length > 0)
            {
                writer.Line($"namespace {spec.Namespace}").Open();
            }

            writer.Line("/// <summary>")
                .Line("/// System.Text.Json metadata for the payload and response types of this assembly's message handlers, made without")
                .Line("/// reflection, so that payload conversions work in native AOT applications. It registers itself with")
                .Line("/// <see cref=\"global::Switchboard.PayloadJson\"/> when the assembly loads.")
                .Line("/// </summary>")
                .Line(GeneratedCode)
                .Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]")
                .Line($"internal sealed class {ClassName} : {Metadata}IJsonTypeInfoResolver")
                .Open()
                .Line("/// <summary>Adds this assembly's metadata to <see cref=\"global::Switchboard.PayloadJson\"/> before any of its code runs.</summary>")
                .Line("[global::System.Runtime.CompilerServices.ModuleInitializer]")
                .Line($"internal static void Register() => global::Switchboard.PayloadJson.AddGeneratedTypeInfoResolver(new {ClassName}());")
                .Line()
                .Line("/// <inheritdoc />")
                .Line($"public {Metadata}JsonTypeInfo? GetTypeInfo(global::System.Type type, {Options} options)")
                .Open();
            for (var i = 0; i < spec.Types.Count; i++)
            {
                writer.Line($"if (type == typeof({spec.Types[i].Name}))")
                    .Open()
                    .Line($"return {factories[i]}(options);")
                    .Close()
                    .Line();
            }

            writer.Line("return null;").Close();
            for (var i = 0; i < spec.Types.Count; i++)
            {
                writer.Line();
                Factory(writer, spec.Types[i], factories[i]);
            }

            writer.Close();
            if (spec.Namespace.Length > 0)
            {
                writer.Close();
            }

            return writer.ToString();
        }

        private static void Factory(IndentedWriter writer, JsonTypeSpec type, string factory)
        {
            var signature = $"private static {Metadata}JsonTypeInfo<{type.Name}> {factory}({Options} options)";
            var element = type.Element ?? "";
            var collection = $"new {Metadata}JsonCollectionInfoValues<{type.Name}>";
            switch (type.Kind)
            {
                case PayloadJsonKind.Value:
                    writer.Line($"{signature} =>").Indent().Line($"{Services}CreateValueInfo<{type.Name}>(options, {Services}{type.Converter});").Unindent();
                    return;
                case PayloadJsonKind.Enum:
                    writer.Line($"{signature} =>").Indent().Line($"{Services}CreateValueInfo<{type.Name}>(options, {Services}GetEnumConverter<{type.Name}>(options));").Unindent();
                    return;
                case PayloadJsonKind.Nullable:
                    writer.Line($"{signature} =>").Indent().Line($"{Services}CreateValueInfo<{type.Name}>(options, {Services}GetNullableConverter<{element}>(options));").Unindent();
                    return;
                case PayloadJsonKind.Array:
                    writer.Line($"{signature} =>").Indent().Line($"{Services}CreateArrayInfo<{element}>(options, {collection}());").Unindent();
                    return;
                case PayloadJsonKind.Object:
                    ObjectFactory(writer, type, factory, signature);
                    return;
            }

            var (method, typeArguments, creates) = type.Kind switch
            {
                PayloadJsonKind.List => ("CreateListInfo", $"{type.Name}, {element}", true),
                PayloadJsonKind.IList => ("CreateIListInfo", $"{type.Name}, {element}", false),
                PayloadJsonKind.ICollection => ("CreateICollectionInfo", $"{type.Name}, {element}", false),
                PayloadJsonKind.HashSet => ("CreateISetInfo", $"{type.Name}, {element}", true),
                PayloadJsonKind.ISet => ("CreateISetInfo", $"{type.Name}, {element}", false),
                PayloadJsonKind.Dictionary => ("CreateDictionaryInfo", $"{type.Name}, string, {element}", true),
                PayloadJsonKind.IDictionary => ("CreateIDictionaryInfo", $"{type.Name}, string, {element}", false),
                PayloadJsonKind.IReadOnlyDictionary => ("CreateIReadOnlyDictionaryInfo", $"{type.Name}, string, {element}", false),
                _ => ("CreateIEnumerableInfo", $"{type.Name}, {element}", false),
            };
            var values = creates ? $"{collection} {{ ObjectCreator = static () => new {type.Name}() }}" : $"{collection}()";
            writer.Line($"{signature} =>").Indent().Line($"{Services}{method}<{typeArguments}>(options, {values});").Unindent();
        }

        private static void ObjectFactory(IndentedWriter writer, JsonTypeSpec type, string factory, string signature)
        {
            writer.Line(signature)
                .Open()
                .Line($"var values = new {Metadata}JsonObjectInfoValues<{type.Name}>")
                .Open();
            if (type.Parameterized)
            {
                writer.Line($"ObjectWithParameterizedConstructorCreator = static args => {Creation(type)},")
                    .Line($"ConstructorParameterMetadataInitializer = static () => new {Metadata}JsonParameterInfoValues[]")
                    .Open();
                for (var i = 0; i < type.Parameters.Count; i++)
                {
                    Parameter(writer, type.Parameters[i], i);
                }

                writer.Close("},");
            }
            else
            {
                writer.Line($"ObjectCreator = static () => new {type.Name}(),");
            }

            writer.Line($"PropertyMetadataInitializer = _ => {factory}Properties(options),")
                .Close("};")
                .Line($"return {Services}CreateObjectInfo(options, values);")
                .Close()
                .Line()
                .Line($"private static {Metadata}JsonPropertyInfo[] {factory}Properties({Options} options)")
                .Open()
                .Line($"var properties = new {Metadata}JsonPropertyInfo[{type.Properties.Count}];");
            for (var i = 0; i < type.Properties.Count; i++)
            {
                Property(writer, type, type.Properties[i], i);
            }

            writer.Line("return properties;").Close();
        }

        private static string Creation(JsonTypeSpec type)
        {
            var arguments = new List<string>();
            var initializers = new List<string>();
            for (var i = 0; i < type.Parameters.Count; i++)
            {
                var parameter = type.Parameters[i];
                var value = $"({parameter.Type})args[{i}]!";
                if (parameter.IsMemberInitializer)
                {
                    initializers.Add($"{Identifiers.Escape(parameter.Name)} = {value}");
                }
                else
                {
                    arguments.Add(value);
                }
            }

            var creation = $"new {type.Name}({string.Join(", ", arguments)})";
            return initializers.Count == 0 ? creation : $"{creation} {{ {string.Join(", ", initializers)} }}";
        }

        private static void Parameter(IndentedWriter writer, JsonParameterSpec parameter, int position)
        {
            writer.Line($"new {Metadata}JsonParameterInfoValues")
                .Open()
                .Line($"Name = {Identifiers.Literal(parameter.Name)},")
                .Line($"ParameterType = typeof({parameter.Type}),")
                .Line($"Position = {position},")
                .Line($"HasDefaultValue = {(parameter.DefaultValue is null ? "false" : "true")},")
                .Line($"DefaultValue = {(parameter.DefaultValue is null ? "null" : parameter.DefaultValue)},")
                .Line("#if NET9_0_OR_GREATER")
                .Line($"IsNullable = {(parameter.IsNullable ? "true" : "false")},")
                .Line($"IsMemberInitializer = {(parameter.IsMemberInitializer ? "true" : "false")},")
                .Line("#endif")
                .Close("},");
        }

        private static void Property(IndentedWriter writer, JsonTypeSpec owner, JsonPropertySpec property, int index)
        {
            var member = Identifiers.Escape(property.ClrName);
            var target = owner.IsValueType
                ? $"global::System.Runtime.CompilerServices.Unsafe.Unbox<{owner.Name}>(obj)"
                : $"(({owner.Name})obj)";
            writer.Line($"properties[{index}] = {Services}CreatePropertyInfo(options, new {Metadata}JsonPropertyInfoValues<{property.Type}>")
                .Open()
                .Line("IsProperty = true,")
                .Line("IsPublic = true,")
                .Line($"IsVirtual = {(property.IsVirtual ? "true" : "false")},")
                .Line($"DeclaringType = typeof({property.DeclaringType}),")
                .Line($"Getter = static obj => (({owner.Name})obj).{member},")
                .Line(SetterOf(property, target, member))
                .Line($"PropertyName = {Identifiers.Literal(property.ClrName)},")
                .Line($"JsonPropertyName = {(property.JsonName is null ? "null" : Identifiers.Literal(property.JsonName))},");
            if (property.IgnoreCondition is { } condition)
            {
                writer.Line($"IgnoreCondition = (global::System.Text.Json.Serialization.JsonIgnoreCondition){condition},");
            }

            writer.Close("});");
            if (property.IsRequired)
            {
                writer.Line($"properties[{index}].IsRequired = true;");
            }

            if (property.NonNullable)
            {
                writer.Line("#if NET9_0_OR_GREATER")
                    .Line($"properties[{index}].IsGetNullable = false;")
                    .Line($"properties[{index}].IsSetNullable = false;")
                    .Line("#endif");
            }
        }

        // A required init-only member is set by the creator's object initializer, never through its setter; System.Text.Json
        // still wants a setter to accept a required property, as its own generator writes it.
        private static string SetterOf(JsonPropertySpec property, string target, string member) => property switch
        {
            { Settable: true } => $"Setter = static (obj, value) => {target}.{member} = value!,",
            { InitOnly: true, IsRequired: true } =>
                $"Setter = static (obj, value) => throw new global::System.InvalidOperationException(\"{property.ClrName} is init-only: it is set when the object is created.\"),",
            _ => "Setter = null,",
        };

        /// <summary>A readable, unique method name per type: <c>global::App.Reading</c> gives <c>Reading</c>, or <c>App_Reading</c> if taken.</summary>
        private static string[] FactoryNames(EquatableArray<JsonTypeSpec> types)
        {
            var names = new string[types.Count];
            var used = new HashSet<string>();
            for (var i = 0; i < types.Count; i++)
            {
                var text = global::System.Text.RegularExpressions.Regex.Replace(types[i].Name.Replace("global::", ""), @"\b(\w+\.)+", "").Replace("<", "Of<");
                var builder = new StringBuilder("Create");
                var upper = true;
                foreach (var character in text)
                {
                    if (char.IsLetterOrDigit(character))
                    {
                        builder.Append(upper ? char.ToUpperInvariant(character) : character);
                        upper = false;
                    }
                    else
                    {
                        upper = true;
                        if (character == '[')
                        {
                            builder.Append("Array");
                        }
                        else if (character == '?')
                        {
                            builder.Append("Nullable");
                        }
                    }
                }

                var name = builder.ToString();
                var unique = name;
                for (var suffix = 2; !used.Add(unique); suffix++)
                {
                    unique = name + suffix;
                }

                names[i] = unique;
            }

            return names;
        }
    }
}
