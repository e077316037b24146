using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Switchboard.Analyzers.Handlers;

/// <summary>What one <c>[ComponentMessageHandler(messageType, scopes)]</c> attribute on a method says, read from its constant arguments.</summary>
internal sealed class ComponentHandlerDeclaration
{
    private ComponentHandlerDeclaration(IMethodSymbol method, AttributeData attribute, string? messageType, int scopes)
    {
        Method = method;
        Attribute = attribute;
        MessageType = messageType;
        Scopes = scopes;
    }

    public IMethodSymbol Method { get; }

    public AttributeData Attribute { get; }

    /// <summary>The message type; <see langword="null"/> when the argument is null.</summary>
    public string? MessageType { get; }

    /// <summary>The listen scopes as <c>ListenScope</c> flags (View 1, Page 2, Session 4).</summary>
    public int Scopes { get; }

    /// <summary>A message type that can be sent to: not empty or whitespace.</summary>
    public bool HasUsableName => !string.IsNullOrWhiteSpace(MessageType);

    /// <summary>The message type, or the method's name when it is blank (for messages about the method).</summary>
    public string DisplayName => HasUsableName ? MessageType! : Method.Name;

    /// <summary>Every <c>[ComponentMessageHandler]</c> on <paramref name="method"/> (the attribute may be repeated).</summary>
    public static ImmutableArray<ComponentHandlerDeclaration> ReadAll(IMethodSymbol method, INamedTypeSymbol attributeType)
    {
        ImmutableArray<ComponentHandlerDeclaration>.Builder? declarations = null;
        foreach (var attribute in method.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                continue;
            }

            // ConstructorArguments holds the default of an omitted optional argument too (ListenScope.Page).
            var arguments = attribute.ConstructorArguments;
            var messageType = arguments.Length > 0 ? arguments[0].Value as string : null;
            var scopes = arguments.Length > 1 && arguments[1].Value is int value ? value : ComponentHandlerShapes.Page;
            (declarations ??= ImmutableArray.CreateBuilder<ComponentHandlerDeclaration>()).Add(new ComponentHandlerDeclaration(method, attribute, messageType, scopes));
        }

        return declarations?.ToImmutable() ?? ImmutableArray<ComponentHandlerDeclaration>.Empty;
    }

    /// <summary>Where the message type is written; the attribute, or the method, when not found.</summary>
    public Location MessageTypeLocation(CancellationToken cancellationToken) =>
        ArgumentLocation("messageType", 0, cancellationToken) ?? AttributeLocation(cancellationToken);

    /// <summary>Where the listen scopes are written, or the message type when they are omitted.</summary>
    public Location ScopesLocation(CancellationToken cancellationToken) =>
        ArgumentLocation("scopes", 1, cancellationToken) ?? MessageTypeLocation(cancellationToken);

    private Location? ArgumentLocation(string name, int position, CancellationToken cancellationToken)
    {
        if (Attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } arguments })
        {
            return null;
        }

        var positional = 0;
        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == name
                || (argument.NameColon is null && argument.NameEquals is null && positional++ == position))
            {
                return argument.Expression.GetLocation();
            }
        }

        return null;
    }

    private Location AttributeLocation(CancellationToken cancellationToken) =>
        Attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation()
        ?? (Method.Locations.Length > 0 ? Method.Locations[0] : Location.None);
}
