using Microsoft.CodeAnalysis;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Payloads;

namespace Switchboard.Analyzers;

/// <summary>
/// The Switchboard and BCL types the analyzers compare against, looked up once per compilation (at compilation start)
/// rather than by name at every node.
/// </summary>
internal sealed class SwitchboardSymbols
{
    private SwitchboardSymbols(Compilation compilation, INamedTypeSymbol messageHandlerAttribute)
    {
        MessageHandlerAttribute = messageHandlerAttribute;
        MessagingProjectAttribute = compilation.GetTypeByMetadataName("Switchboard.MessagingProjectAttribute");
        MessageHandlerManifestAttribute = compilation.GetTypeByMetadataName("Switchboard.MessageHandlerManifestAttribute");
        Scope = compilation.GetTypeByMetadataName("Switchboard.Scope");
        JsonConverterAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonConverterAttribute");
        JsonNumberHandlingAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonNumberHandlingAttribute");
        ScopeLettersAttribute = compilation.GetTypeByMetadataName("Switchboard.ScopeLettersAttribute");
        ReadOnlyDictionaryOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IReadOnlyDictionary`2");
        DictionaryOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2");
        UntypedDictionary = compilation.GetTypeByMetadataName("System.Collections.IDictionary");
        Shapes = HandlerShapeTypes.From(compilation);
        RuntimeRequiresConstructorParameters = PayloadJsonMembers.RuntimeRequiresConstructorParameters(messageHandlerAttribute.ContainingAssembly);
        FrameworkAssemblyName = messageHandlerAttribute.ContainingAssembly.Name;
    }

    public INamedTypeSymbol MessageHandlerAttribute { get; }

    public INamedTypeSymbol? MessagingProjectAttribute { get; }

    public INamedTypeSymbol? MessageHandlerManifestAttribute { get; }

    public INamedTypeSymbol? Scope { get; }

    public INamedTypeSymbol? JsonConverterAttribute { get; }

    public INamedTypeSymbol? JsonNumberHandlingAttribute { get; }

    /// <summary><c>Switchboard.ScopeLettersAttribute</c>: marks a string parameter that takes scope letters.</summary>
    public INamedTypeSymbol? ScopeLettersAttribute { get; }

    public INamedTypeSymbol? ReadOnlyDictionaryOfT { get; }

    public INamedTypeSymbol? DictionaryOfT { get; }

    public INamedTypeSymbol? UntypedDictionary { get; }

    /// <summary>
    /// Whether the referenced Switchboard build converts payloads with <c>RespectRequiredConstructorParameters</c>
    /// (its .NET 9 and later builds), so a constructor parameter without a default needs a key.
    /// </summary>
    public bool RuntimeRequiresConstructorParameters { get; }

    /// <summary>The types handler signatures are classified against.</summary>
    public HandlerShapeTypes Shapes { get; }

    /// <summary>The name of the assembly that defines the attributes (<c>Switchboard</c>).</summary>
    public string FrameworkAssemblyName { get; }

    /// <summary>The symbols, or <see langword="null"/> when the compilation does not reference Switchboard (then no rule applies).</summary>
    public static SwitchboardSymbols? TryCreate(Compilation compilation) =>
        compilation.GetTypeByMetadataName("Switchboard.MessageHandlerAttribute") is { } attribute
            ? new SwitchboardSymbols(compilation, attribute)
            : null;

    public bool IsMessageHandlerAttribute(AttributeData attribute) =>
        SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, MessageHandlerAttribute);
}
