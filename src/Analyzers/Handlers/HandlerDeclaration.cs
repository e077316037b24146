using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Switchboard.Analyzers.Model;

namespace Switchboard.Analyzers.Handlers;

/// <summary>What one <c>[MessageHandler(name, scope)]</c> attribute on a method says, read from its constant arguments.</summary>
internal sealed class HandlerDeclaration
{
    private readonly HandlerShapeTypes shapeTypes;
    private HandlerShape? shape;

    private HandlerDeclaration(
        IMethodSymbol method, AttributeData attribute, string? name, ScopeFlags scope, string? project, int threading, int delivery, HandlerShapeTypes shapeTypes)
    {
        this.shapeTypes = shapeTypes;
        Delivery = delivery;
        Method = method;
        Attribute = attribute;
        Name = name;
        Scope = scope;
        ExplicitProject = project;
        Threading = threading;
    }

    public IMethodSymbol Method { get; }

    public AttributeData Attribute { get; }

    /// <summary>The handler name; <see langword="null"/> when the argument is null.</summary>
    public string? Name { get; }

    public ScopeFlags Scope { get; }

    /// <summary>The attribute's <c>Project</c>, or <see langword="null"/> for the assembly's project.</summary>
    public string? ExplicitProject { get; }

    /// <summary>The <c>HandlerThreading</c> value (0 Shared, 1 Dedicated, 2 UI).</summary>
    public int Threading { get; }

    /// <summary>The <c>DeliveryMode</c> value (0 FireAndForget, 1 Durable).</summary>
    public int Delivery { get; }

    /// <summary>Whether the attribute says <c>Delivery = DeliveryMode.Durable</c>.</summary>
    public bool IsDurable => Delivery == 1;

    /// <summary>Whether <see cref="Threading"/> is a <c>HandlerThreading</c> member; the generator skips any other value.</summary>
    public bool HasKnownThreading => HandlerThreadings.IsKnown(Threading);

    /// <summary>A name that can be sent to: not empty or whitespace, and at most 1,024 characters (<see cref="NameRule"/>).</summary>
    public bool HasUsableName => NameRule.IsUsable(Name);

    /// <summary>
    /// The method's signature classified for its scope (<see cref="HandlerShapes.Classify"/>), on first use. A
    /// declaration is read once per compilation (<see cref="CompilationFacts.Declaration"/>), so every rule shares it;
    /// two threads may both classify the first time, and either result is the same.
    /// </summary>
    public HandlerShape Shape => shape ??= HandlerShapes.Classify(Method, (int)Scope, shapeTypes);

    /// <summary>
    /// Reads the first <c>[MessageHandler]</c> on <paramref name="method"/>, or returns <see langword="null"/>. Rules ask
    /// <see cref="CompilationFacts.Declaration"/> instead, which reads each method once per compilation.
    /// </summary>
    public static HandlerDeclaration? TryRead(IMethodSymbol method, SwitchboardSymbols symbols)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (symbols.IsMessageHandlerAttribute(attribute))
            {
                return Read(method, attribute, symbols.Shapes);
            }
        }

        return null;
    }

    /// <summary>
    /// A <c>Project</c> that is no name (<see cref="NameRule"/>: whitespace only, or longer than 1,024 characters): the
    /// generator skips such a handler (an empty <c>Project</c> means the assembly's project).
    /// </summary>
    public bool HasUnusableProject => ExplicitProject is { Length: > 0 } project && !NameRule.IsUsable(project);

    /// <summary>The project the handler belongs to: its own <c>Project</c>, else <paramref name="assemblyProject"/>.</summary>
    public string ProjectOr(string assemblyProject) =>
        string.IsNullOrEmpty(ExplicitProject) ? assemblyProject : ExplicitProject!;

    /// <summary>Where the name argument is written, for diagnostics about the name; the attribute when not found.</summary>
    public Location NameLocation(CancellationToken cancellationToken)
    {
        if (Attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return Method.Locations.Length > 0 ? Method.Locations[0] : Location.None;
        }

        if (syntax.ArgumentList is { } arguments)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameColon?.Name.Identifier.ValueText == "name")
                {
                    return argument.Expression.GetLocation();
                }
            }

            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameColon is null && argument.NameEquals is null)
                {
                    return argument.Expression.GetLocation();
                }
            }
        }

        return syntax.GetLocation();
    }

    /// <summary>Where the scope argument is written, or <see langword="null"/> when the attribute has none.</summary>
    public Location? ScopeLocation(CancellationToken cancellationToken)
    {
        if (Attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } arguments })
        {
            return null;
        }

        var position = 0;
        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == "scope")
            {
                return argument.Expression.GetLocation();
            }

            if (argument.NameColon is null && argument.NameEquals is null && position++ == 1)
            {
                return argument.Expression.GetLocation();
            }
        }

        return null;
    }

    /// <summary>Where the value of the named argument <paramref name="name"/> is written, or <see langword="null"/> when it is not.</summary>
    public Location? NamedArgumentLocation(string name, CancellationToken cancellationToken)
    {
        if (Attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments })
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument.Expression.GetLocation();
                }
            }
        }

        return null;
    }

    private static HandlerDeclaration Read(IMethodSymbol method, AttributeData attribute, HandlerShapeTypes shapeTypes)
    {
        string? name = null;
        var scope = ScopeFlags.Gateway;
        var constructor = attribute.AttributeConstructor;
        for (var i = 0; i < attribute.ConstructorArguments.Length; i++)
        {
            var value = attribute.ConstructorArguments[i].Value;
            var parameterName = constructor is not null && i < constructor.Parameters.Length ? constructor.Parameters[i].Name : null;
            if (parameterName == "name" || (parameterName is null && i == 0))
            {
                name = value as string;
            }
            else if ((parameterName == "scope" || (parameterName is null && i == 1)) && value is int flags)
            {
                scope = (ScopeFlags)flags;
            }
        }

        string? project = null;
        var threading = 0;
        var delivery = 0;
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Project")
            {
                project = named.Value.Value as string;
            }
            else if (named.Key == "Threading" && named.Value.Value is int value)
            {
                threading = value;
            }
            else if (named.Key == "Delivery" && named.Value.Value is int mode)
            {
                delivery = mode;
            }
        }

        return new HandlerDeclaration(method, attribute, name, scope, project, threading, delivery, shapeTypes);
    }
}
