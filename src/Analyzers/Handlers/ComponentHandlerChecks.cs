using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Switchboard.Analyzers.Handlers;

/// <summary>
/// The checks of <c>[ComponentMessageHandler]</c> methods, one per rule, each called by the analyzer that owns the rule
/// (where the mistake is the same as on a <c>[MessageHandler]</c>). Each reports what makes the run time skip the
/// handler or throw when its component is created (<c>ComponentHandler</c> in <c>Switchboard.AspNetCore</c>).
/// </summary>
internal static class ComponentHandlerChecks
{
    /// <summary>SWB0010: a blank message type, which the run time refuses when the component is created.</summary>
    public static void EmptyMessageTypes(IMethodSymbol method, ComponentFacts facts, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        foreach (var declaration in ComponentHandlerDeclaration.ReadAll(method, facts.Attribute))
        {
            if (!declaration.HasUsableName)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.UnusableHandlerName, declaration.MessageTypeLocation(cancellationToken)));
            }
        }
    }

    /// <summary>SWB0003: listen scopes that are not a non-empty combination of View, Page and Session.</summary>
    public static void InvalidScopes(IMethodSymbol method, ComponentFacts facts, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        foreach (var declaration in ComponentHandlerDeclaration.ReadAll(method, facts.Attribute))
        {
            if (!ComponentHandlerShapes.IsValidListenScopes(declaration.Scopes))
            {
                report(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidScope,
                    declaration.ScopesLocation(cancellationToken),
                    $"Component handler '{declaration.DisplayName}' has the listen scope value {declaration.Scopes}, which is not a non-empty combination of "
                    + "ListenScope.View, ListenScope.Page and ListenScope.Session (1 to 7), so creating its component throws; "
                    + "use ListenScope.Page, ListenScope.View, ListenScope.Session or a combination such as ListenScope.Page | ListenScope.Session"));
            }
        }
    }

    /// <summary>SWB0005: more than one parameter, a payload that cannot be an object, or a return type the component does not await.</summary>
    public static void Signature(IMethodSymbol method, ComponentFacts facts, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        // A generic method is reported as never called (SWB0007); its type-parameter payload is not a signature problem.
        if (method.IsGenericMethod || ComponentHandlerDeclaration.ReadAll(method, facts.Attribute) is not { IsEmpty: false } declarations)
        {
            return;
        }

        foreach (var problem in ComponentHandlerShapes.SignatureProblems(method))
        {
            var location = problem.Key is { } parameter
                ? Rules.HandlerSignatureAnalyzer.LocationOf(parameter, cancellationToken)
                : Rules.HandlerSignatureAnalyzer.ReturnTypeLocation(method, cancellationToken);
            // async void gets the fix message handlers get: return Task.
            var properties = problem.Key is null && method.IsAsync && method.ReturnsVoid
                ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.ProblemKind, nameof(HandlerShapeProblemKind.AsyncVoid))
                : ImmutableDictionary<string, string?>.Empty;
            report(Diagnostic.Create(DiagnosticDescriptors.UnsupportedHandlerSignature, location, properties, declarations[0].DisplayName, problem.Value));
        }
    }

    /// <summary>SWB0007: a method the component never registers (static, local, lambda, not in a component) or cannot (generic).</summary>
    public static void Uncallable(IMethodSymbol method, ComponentFacts facts, Action<Diagnostic> report)
    {
        if (ComponentHandlerDeclaration.ReadAll(method, facts.Attribute) is { IsEmpty: false } declarations
            && ComponentHandlerShapes.CallProblem(method) is { } reason)
        {
            report(Diagnostic.Create(
                DiagnosticDescriptors.UncallableHandler,
                method.Locations.Length > 0 ? method.Locations[0] : Location.None,
                declarations[0].DisplayName,
                reason));
        }
    }

    /// <summary>SWB0006: one method that handles one message type twice in overlapping listen scopes, so it runs twice.</summary>
    public static void Duplicates(IMethodSymbol method, ComponentFacts facts, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var declarations = ComponentHandlerDeclaration.ReadAll(method, facts.Attribute);
        for (var later = 1; later < declarations.Length; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                var overlap = declarations[earlier].Scopes & declarations[later].Scopes & ComponentHandlerShapes.AllScopes;
                if (declarations[later].HasUsableName && overlap != 0
                    && string.Equals(declarations[earlier].MessageType, declarations[later].MessageType, StringComparison.Ordinal))
                {
                    report(Diagnostic.Create(
                        DiagnosticDescriptors.DuplicateHandler,
                        declarations[later].MessageTypeLocation(cancellationToken),
                        $"'{method.ContainingType.Name}.{method.Name}' already handles component message '{declarations[later].MessageType}' "
                        + $"in listen scope {ComponentHandlerShapes.Describe(overlap)}, so it runs twice for one message; list each scope once"));
                    break;
                }
            }
        }
    }

    /// <summary>
    /// SWB0011: a message type that another component handler spells with other case. The run time matches message
    /// types ordinally, so a send with one spelling never reaches the handlers of the other.
    /// </summary>
    public static void CaseTwins(IMethodSymbol method, ComponentFacts facts, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        foreach (var declaration in ComponentHandlerDeclaration.ReadAll(method, facts.Attribute))
        {
            if (!declaration.HasUsableName)
            {
                continue;
            }

            foreach (var other in facts.Index.CaseTwinsOf(declaration.MessageType!))
            {
                report(Diagnostic.Create(
                    DiagnosticDescriptors.HandlerNamesDifferByCase,
                    declaration.MessageTypeLocation(cancellationToken),
                    declaration.MessageType,
                    other,
                    "the component message types",
                    facts.Index.Named(other)[0].Origin));
            }
        }
    }
}
