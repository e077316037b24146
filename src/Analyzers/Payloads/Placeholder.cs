using Microsoft.CodeAnalysis;

namespace Switchboard.Analyzers.Payloads;

/// <summary>The value a code fix writes for a key the sender has yet to fill: a plain literal where one reads well, else <c>default(global::T)</c>, which the fix simplifies.</summary>
internal static class Placeholder
{
    public static string For(ITypeSymbol? type) => type is null ? "null" : type.SpecialType switch
    {
        SpecialType.System_String => "\"\"",
        SpecialType.System_Boolean => "false",
        SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 => "0",
        SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal => "0.0",
        _ => $"default({type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)})",
    };
}
