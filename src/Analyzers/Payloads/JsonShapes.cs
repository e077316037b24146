using Microsoft.CodeAnalysis;

namespace Switchboard.Analyzers.Payloads;

/// <summary>
/// What JSON a static type is written as, and what JSON a type can be read from, the way the runtime's payload
/// conversion (<c>JsonPayloadWriter</c>, then System.Text.Json with <c>PayloadJson.Options</c>) treats them. Every
/// answer errs towards <see cref="JsonKinds.Any"/>: the rules built on it report only what can never convert.
/// </summary>
internal static class JsonShapes
{
    /// <summary>The kinds a value whose static type is <paramref name="type"/> can be written as (never <see cref="JsonKinds.Null"/> for a reference type: the caller knows whether the expression may be null).</summary>
    public static JsonKinds Written(ITypeSymbol type, SwitchboardSymbols symbols)
    {
        if (Nullable(type) is { } underlying)
        {
            return Written(underlying, symbols) | JsonKinds.Null;
        }

        // A value typed by an interface may be anything that implements it, unless every implementation is a dictionary.
        if (type.TypeKind == TypeKind.Interface)
        {
            return Container(type, symbols) == JsonKinds.Object ? JsonKinds.Object : JsonKinds.Any;
        }

        if (Scalar(type, symbols) is { } scalar)
        {
            return scalar;
        }

        if (Container(type, symbols) is { } container)
        {
            return container;
        }

        // Any other class or struct is written from its properties. A class that is not sealed may be a derived type at
        // run time, and a derived type may be a collection.
        return type.IsReferenceType && !type.IsSealed ? JsonKinds.Object | JsonKinds.Array : JsonKinds.Object;
    }

    /// <summary>
    /// The kinds <paramref name="type"/> can be read from, as a payload or as the type of <paramref name="member"/>
    /// (whose <c>[JsonConverter]</c> and <c>[JsonNumberHandling]</c> count too).
    /// </summary>
    public static JsonKinds Read(ITypeSymbol type, ISymbol? member, SwitchboardSymbols symbols)
    {
        if (Nullable(type) is { } underlying)
        {
            return Read(underlying, member, symbols) | JsonKinds.Null;
        }

        if (member is not null && HasAttribute(member, symbols.JsonConverterAttribute))
        {
            return JsonKinds.Any;
        }

        var orNull = type.IsReferenceType ? JsonKinds.Null : JsonKinds.None;
        if (type.TypeKind == TypeKind.Interface)
        {
            return Container(type, symbols) is { } collection ? collection | orNull : JsonKinds.Any;
        }

        if (Scalar(type, symbols) is { } scalar)
        {
            return scalar == JsonKinds.Number && ReadsNumbersFromStrings(member, symbols)
                ? JsonKinds.Number | JsonKinds.String
                : scalar | orNull;
        }

        if (Container(type, symbols) is { } container)
        {
            return container | orNull;
        }

        return JsonKinds.Object | orNull;
    }

    /// <summary>
    /// <see cref="Read"/> as <c>JsonSerializerDefaults.Web</c> reads, which component payloads use
    /// (<c>BrowserSession.SendComponentMessageAsync</c>): a number is also read from a JSON string.
    /// </summary>
    public static JsonKinds ReadWeb(ITypeSymbol type, ISymbol? member, SwitchboardSymbols symbols)
    {
        var read = Read(type, member, symbols);
        return (read & JsonKinds.Number) != 0 ? read | JsonKinds.String : read;
    }

    /// <summary>Whether a <c>[JsonNumberHandling(AllowReadingFromString)]</c> on the member or its type lets a number be read from a JSON string.</summary>
    public static bool ReadsNumbersFromStrings(ISymbol? member, SwitchboardSymbols symbols)
    {
        for (var current = member; current is not null; current = current.ContainingType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.JsonNumberHandlingAttribute)
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is int handling)
                {
                    // JsonNumberHandling.AllowReadingFromString is 1.
                    return (handling & 1) != 0;
                }
            }
        }

        return false;
    }

    private static ITypeSymbol? Nullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : null;

    /// <summary>A single JSON value, or <see cref="JsonKinds.Any"/> for what can be anything at run time.</summary>
    private static JsonKinds? Scalar(ITypeSymbol type, SwitchboardSymbols symbols)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Object:
            case SpecialType.System_ValueType:
            case SpecialType.System_Enum:
                return JsonKinds.Any;
            case SpecialType.System_String:
            case SpecialType.System_Char:
            case SpecialType.System_DateTime:
                return JsonKinds.String;
            case SpecialType.System_Boolean:
                return JsonKinds.Boolean;
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
                return JsonKinds.Number;
        }

        // Type parameters, interfaces, dynamic, enums (numbers, or strings with a converter), unresolved types, JSON
        // DOM types and types with a converter of their own can be anything.
        if (type.TypeKind is TypeKind.TypeParameter or TypeKind.Dynamic or TypeKind.Error or TypeKind.Enum or TypeKind.Pointer or TypeKind.FunctionPointer
            || HasAttribute(type, symbols.JsonConverterAttribute)
            || type.ContainingNamespace?.ToDisplayString() is "System.Text.Json" or "System.Text.Json.Nodes")
        {
            return JsonKinds.Any;
        }

        if (type.ContainingNamespace?.ToDisplayString() == "System")
        {
            switch (type.Name)
            {
                case "Guid" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" or "Uri" or "Version":
                    return JsonKinds.String;
                case "Half" or "Int128" or "UInt128":
                    return JsonKinds.Number;
                case "IntPtr" or "UIntPtr" or "Type" or "Delegate" or "MulticastDelegate":
                    return JsonKinds.Any;
            }
        }

        return null;
    }

    /// <summary>A dictionary (a JSON object) or another collection (a JSON array); <see langword="null"/> for neither.</summary>
    private static JsonKinds? Container(ITypeSymbol type, SwitchboardSymbols symbols)
    {
        if (type is IArrayTypeSymbol)
        {
            return JsonKinds.Array;
        }

        var isEnumerable = false;
        foreach (var implemented in AllInterfacesAndSelf(type))
        {
            if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                isEnumerable = true;
            }
            else if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, symbols.ReadOnlyDictionaryOfT)
                || SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, symbols.DictionaryOfT)
                || SymbolEqualityComparer.Default.Equals(implemented, symbols.UntypedDictionary))
            {
                return JsonKinds.Object;
            }
        }

        return isEnumerable || type.SpecialType == SpecialType.System_Collections_IEnumerable ? JsonKinds.Array : null;
    }

    private static System.Collections.Generic.IEnumerable<INamedTypeSymbol> AllInterfacesAndSelf(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Interface } self)
        {
            yield return self;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            yield return implemented;
        }
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeClass))
            {
                return true;
            }
        }

        return false;
    }
}
