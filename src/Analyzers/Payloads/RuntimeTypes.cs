using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Switchboard.Analyzers.Sends;

namespace Switchboard.Analyzers.Payloads;

/// <summary>What the runtime can know about a value from its static type: whether it may be an instance of another type, and what JSON it is written as.</summary>
internal static class RuntimeTypes
{
    /// <summary>
    /// Whether a value whose static type is <paramref name="source"/> can be a <paramref name="target"/> at run time
    /// (<c>value is T</c>): the same type, a base or derived type, an interface either way, boxing or unboxing.
    /// Numeric and user-defined conversions do not count: the runtime never applies them.
    /// </summary>
    public static bool MayBeInstanceOf(Compilation compilation, ITypeSymbol source, ITypeSymbol target)
    {
        // The common case, a payload of the handler's own type, needs no conversion lookup.
        if (SymbolEqualityComparer.Default.Equals(source, target))
        {
            return true;
        }

        if (compilation is not CSharpCompilation csharp
            || source.TypeKind is TypeKind.TypeParameter or TypeKind.Error or TypeKind.Dynamic
            || target.TypeKind is TypeKind.TypeParameter or TypeKind.Error or TypeKind.Dynamic)
        {
            return true;
        }

        var conversion = csharp.ClassifyConversion(source, target);
        if (conversion.IsIdentity || conversion.IsReference || conversion.IsBoxing || conversion.IsUnboxing)
        {
            return true;
        }

        // int to int? (a boxed int is an int?), and int? to int when it has a value.
        var sourceValue = UnderlyingOfNullable(source);
        var targetValue = UnderlyingOfNullable(target);
        return (sourceValue is not null || targetValue is not null)
            && SymbolEqualityComparer.Default.Equals(sourceValue ?? source, targetValue ?? target);
    }

    /// <summary>The JSON kinds the value of <paramref name="expression"/> can be written as, including <see cref="JsonKinds.Null"/> when it may be null.</summary>
    public static JsonKinds Written(IOperation expression, SwitchboardSymbols symbols, CancellationToken cancellationToken)
    {
        var value = SendCall.WithoutImplicitConversions(expression);
        if (value.ConstantValue is { HasValue: true, Value: null })
        {
            return JsonKinds.Null;
        }

        if (value.Type is not { } type)
        {
            return JsonKinds.Any;
        }

        var kinds = JsonShapes.Written(type, symbols);
        if (type.IsReferenceType && MayBeNull(value, cancellationToken))
        {
            kinds |= JsonKinds.Null;
        }

        return kinds;
    }

    /// <summary>The static type of <paramref name="expression"/> before the compiler converted it to the parameter's type.</summary>
    public static ITypeSymbol? StaticType(IOperation expression) => SendCall.WithoutImplicitConversions(expression).Type;

    private static bool MayBeNull(IOperation value, CancellationToken cancellationToken)
    {
        if (value.ConstantValue.HasValue || value is IObjectCreationOperation or IAnonymousObjectCreationOperation or IArrayCreationOperation)
        {
            return false;
        }

        // Without nullable analysis (flow state None) nothing is known, so null stays possible.
        var flowState = value.SemanticModel?.GetTypeInfo(value.Syntax, cancellationToken).Nullability.FlowState ?? NullableFlowState.None;
        return flowState != NullableFlowState.NotNull;
    }

    private static ITypeSymbol? UnderlyingOfNullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : null;
}
