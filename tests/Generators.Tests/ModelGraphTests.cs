using System.Reflection;
using Microsoft.CodeAnalysis;
using Switchboard.Generators.Model;
using Switchboard.Generators.Tests.Support;

namespace Switchboard.Generators.Tests;

/// <summary>
/// No symbol, syntax, location or compilation is reachable from what the pipeline caches: holding one would keep old
/// compilations alive and make every model compare unequal.
/// </summary>
public sealed class ModelGraphTests
{
    private static readonly Type[] Forbidden =
        [typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location), typeof(AttributeData)];

    [Fact]
    public void No_symbol_syntax_location_or_compilation_is_reachable_from_any_step_output()
    {
        // A manifest of a project built elsewhere too, so that every step, the manifest steps included, has outputs.
        var manifest = new InMemoryText("Remote.switchboard.json", """
            { "switchboardManifest": 1, "projects": [ { "name": "Remote", "handlers": [
              { "name": "h", "scopes": ["Gateway"], "payload": { "type": "global::R.P", "metadataName": "R.P", "properties": [] }, "response": null } ] } ] }
            """);
        var result = GeneratorHarness.Driver("App", manifest)
            .RunGenerators(GeneratorHarness.Compilation("Sample", TestProject.ReadSource("StaticAndInstance")))
            .GetRunResult().Results.Single();

        // Roslyn's own steps inside ForAttributeWithMetadataName hold syntax by design; the generator's named steps must not.
        var walker = new GraphWalker();
        foreach (var name in typeof(StepNames).GetFields().Select(field => (string)field.GetValue(null)!))
        {
            foreach (var output in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                walker.Walk(output.Value, name);
            }
        }

        Assert.Empty(walker.Violations);
        Assert.Contains(typeof(HandlerSpec), walker.VisitedTypes);
        Assert.Contains(typeof(ProjectSpec), walker.VisitedTypes);
        Assert.Contains(typeof(TypeSpec), walker.VisitedTypes);
        Assert.Contains(typeof(ManifestFileSpec), walker.VisitedTypes);
        Assert.Contains(typeof(ManifestEntrySpec), walker.VisitedTypes);
    }

    [Fact]
    public void The_walk_finds_a_location_hidden_in_a_graph()
    {
        var walker = new GraphWalker();

        walker.Walk(new List<object> { "text", Tuple.Create(1, Location.None) }, "graph");

        Assert.Single(walker.Violations);
    }

    [Fact]
    public void Model_fields_are_declared_with_value_types_strings_models_or_equatable_arrays()
    {
        var models = typeof(HandlerSpec).Assembly.GetTypes().Where(type => type.Namespace == typeof(HandlerSpec).Namespace && !type.IsEnum);
        foreach (var model in models)
        {
            foreach (var field in model.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                var type = field.FieldType;
                Assert.False(type == typeof(object), $"{model.Name}.{field.Name} is declared as object.");
                Assert.DoesNotContain(Forbidden, forbidden => forbidden.IsAssignableFrom(type));
            }
        }
    }

    /// <summary>Follows every field and every array element, recording forbidden types.</summary>
    private sealed class GraphWalker
    {
        private readonly HashSet<object> seen = new(ReferenceEqualityComparer.Instance);

        public List<string> Violations { get; } = [];

        public HashSet<Type> VisitedTypes { get; } = [];

        public void Walk(object? value, string path)
        {
            if (value is null || value is string || value is Type || value.GetType().IsPrimitive || value.GetType().IsEnum)
            {
                return;
            }

            var type = value.GetType();
            if (!type.IsValueType && !seen.Add(value))
            {
                return;
            }

            VisitedTypes.Add(type);
            if (Forbidden.Any(forbidden => forbidden.IsInstanceOfType(value)))
            {
                Violations.Add($"{path} is a {type.FullName}");
                return;
            }

            // Arrays hold their elements without fields; everything else (lists, immutable arrays, records) is reached through fields.
            if (value is Array items)
            {
                var index = 0;
                foreach (var item in items)
                {
                    Walk(item, $"{path}[{index++}]");
                }
            }

            for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
            {
                foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike)
                    {
                        Walk(field.GetValue(value), $"{path}.{field.Name}");
                    }
                }
            }
        }
    }
}
