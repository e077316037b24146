using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Payloads;
using Switchboard.Analyzers.Sends;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0018: a value in a dictionary literal payload that can never become the type of the property its key fills: the
/// JSON it is written as is never what that property reads (a string for a double, null for an int), or a constant
/// string that is no number for a number read from strings. A component message's dictionary is read with the web JSON
/// defaults, where every number may come from a string.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class DictionaryValueTypeAnalyzer : DictionaryPayloadAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DictionaryValueType);

    protected override void AnalyzeDictionary(
        OperationAnalysisContext context, DictionaryLiteral literal, SendTarget target, PayloadMembers members, CompilationFacts facts) =>
        CheckValues(context, literal, members, $"handler '{target.HandlerName}' in project '{target.ProjectName}'", JsonShapes.Read, facts);

    /// <summary>Component payloads are read with <c>JsonSerializerDefaults.Web</c>, which also reads numbers from strings.</summary>
    protected override void AnalyzeComponentDictionary(
        OperationAnalysisContext context, DictionaryLiteral literal, ComponentPayloads payloads, CompilationFacts facts)
    {
        foreach (var payload in payloads.Typed)
        {
            CheckValues(context, literal, payload.Members, payload.Reader, JsonShapes.ReadWeb, facts);
        }
    }

    private static void CheckValues(
        OperationAnalysisContext context,
        DictionaryLiteral literal,
        PayloadMembers members,
        string reader,
        Func<ITypeSymbol, ISymbol?, SwitchboardSymbols, JsonKinds> reads,
        CompilationFacts facts)
    {
        foreach (var (key, _, value) in literal.Keys)
        {
            if (members.PropertyFor(key) is not { } property)
            {
                continue;
            }

            var written = RuntimeTypes.Written(value, facts.Symbols, context.CancellationToken);
            var read = reads(property.Type, property, facts.Symbols);
            string? why = null;
            if ((written & read) == 0)
            {
                why = $"it is written as {JsonKindText.Describe(written)}, and the property reads {JsonKindText.Describe(read)}";
            }
            else if (IsNonNumericString(value, read))
            {
                why = "it is not a number, and the property reads numbers from strings only when they are numbers";
            }

            if (why is null)
            {
                continue;
            }

            var sent = RuntimeTypes.StaticType(value)?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "null";
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.DictionaryValueType,
                SendCall.WithoutImplicitConversions(value).Syntax.GetLocation(),
                key,
                sent,
                property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                property.ContainingType.Name + "." + property.Name,
                reader,
                why));
        }
    }

    /// <summary>A constant string for a number that <c>[JsonNumberHandling(AllowReadingFromString)]</c> lets be read from a string: it still has to be one.</summary>
    private static bool IsNonNumericString(IOperation value, JsonKinds read) =>
        (read & (JsonKinds.Number | JsonKinds.String)) == (JsonKinds.Number | JsonKinds.String)
        && (read & JsonKinds.Object) == 0
        && SendCall.ConstantOf(value) is { HasValue: true, Value: string text }
        && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
