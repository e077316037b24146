using Microsoft.CodeAnalysis;
using Switchboard.Analyzers.Handlers;

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
        JsonPropertyNameAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute");
        JsonIgnoreAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIgnoreAttribute");
        JsonExtensionDataAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonExtensionDataAttribute");
        JsonRequiredAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonRequiredAttribute");
        Shapes = HandlerShapeTypes.From(compilation);
        FrameworkAssemblyName = messageHandlerAttribute.ContainingAssembly.Name;
    }

    public INamedTypeSymbol MessageHandlerAttribute { get; }

    public INamedTypeSymbol? MessagingProjectAttribute { get; }

    public INamedTypeSymbol? MessageHandlerManifestAttribute { get; }

    public INamedTypeSymbol? Scope { get; }

    public INamedTypeSymbol? JsonPropertyNameAttribute { get; }

    public INamedTypeSymbol? JsonIgnoreAttribute { get; }

    public INamedTypeSymbol? JsonExtensionDataAttribute { get; }

    public INamedTypeSymbol? JsonRequiredAttribute { get; }

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
