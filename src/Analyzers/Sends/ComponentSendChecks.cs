using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Payloads;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Sends;

/// <summary>
/// The checks of component message sends, one per rule, each called by the analyzer that owns the rule. What throws
/// or reaches nobody is what <c>BrowserSession.SendComponentMessageAsync</c> does at run time.
/// </summary>
internal static class ComponentSendChecks
{
    /// <summary>SWB0010: a constant blank message type, which every such send throws for.</summary>
    public static void EmptyMessageType(OperationAnalysisContext context, ComponentSendCall call)
    {
        if (call.MessageTypeArgument is { } argument
            && SendCall.ConstantOf(argument.Value) is { HasValue: true } constant
            && string.IsNullOrWhiteSpace(constant.Value as string))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnusableHandlerName, argument.Value.Syntax.GetLocation()));
        }
    }

    /// <summary>SWB0003: a constant scope that is not exactly one of View, Page and Session, or View with no view to go to.</summary>
    public static void InvalidScope(OperationAnalysisContext context, ComponentSendCall call)
    {
        if (call.Scope is not { } scope)
        {
            return;
        }

        if (!ComponentHandlerShapes.IsSingleScope(scope))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InvalidScope,
                call.ScopeLocation,
                $"A component message goes to exactly one scope, ListenScope.View, ListenScope.Page or ListenScope.Session, not {ComponentHandlerShapes.Describe(scope)}; "
                + "this send always throws ArgumentException. Send once per scope"));
        }
        else if (scope == ComponentHandlerShapes.View && call.HasNoViewName)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InvalidScope,
                call.ScopeLocation,
                "A view-scoped component message needs the view's name, and this send has none, so it always throws ArgumentException; "
                + "pass viewName, or send from a component inside the view"));
        }
    }

    /// <summary>SWB0001: a constant message type that no known component handler declares.</summary>
    public static void UnknownMessageType(OperationAnalysisContext context, ComponentSendCall call, ComponentFacts facts)
    {
        if (call.MessageType is not { } messageType || string.IsNullOrWhiteSpace(messageType)
            || facts.Index is not { IsComplete: true, IsEmpty: false } index
            || !index.Named(messageType).IsEmpty)
        {
            return;
        }

        var suggestion = NameSuggestion.Closest(messageType, index.MessageTypes);
        var properties = suggestion is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Suggestion, suggestion);
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UnknownHandlerName,
            call.MessageTypeLocation,
            properties,
            $"No component declares a handler for message type '{messageType}'{NameSuggestion.Phrase(suggestion)}"));
    }

    /// <summary>SWB0004: a constant scope (written, or the method's default) that no handler of the message type listens on.</summary>
    public static void ScopeReachesNoHandler(OperationAnalysisContext context, ComponentSendCall call, ComponentFacts facts)
    {
        if (call.MessageType is not { } messageType
            || call.Scope is not { } scope || !ComponentHandlerShapes.IsSingleScope(scope)
            || facts.Index is not { IsComplete: true } index
            || index.Named(messageType) is not { IsEmpty: false } handlers)
        {
            return;
        }

        var listened = 0;
        foreach (var handler in handlers)
        {
            listened |= handler.Scopes;
        }

        if ((listened & scope) != 0)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.ScopeWithoutHandler,
            call.ScopeLocation,
            $"Component message '{messageType}' is handled in listen scope {ComponentHandlerShapes.Describe(listened)}, "
            + $"so a send to scope {ComponentHandlerShapes.Describe(scope)} reaches no handler; send it to {string.Join(" or ", Single(listened))}"));
    }

    /// <summary>SWB0017: a payload whose static type can never become the payload type of a handler the send reaches.</summary>
    public static void PayloadTypeMismatch(OperationAnalysisContext context, ComponentSendCall call, ComponentFacts facts, SwitchboardSymbols symbols)
    {
        if (call.Payload is not { } payload
            || call.MessageType is not { } messageType
            || RuntimeTypes.StaticType(payload.Value) is not { } sent
            || facts.Index.Named(messageType) is not { IsEmpty: false } handlers)
        {
            return;
        }

        // A null payload reaches the handler as null, unconverted: only what a non-null value is written as counts.
        var written = RuntimeTypes.Written(payload.Value, symbols, context.CancellationToken) & ~JsonKinds.Null;
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var handler in handlers)
        {
            if (written == JsonKinds.None || handler.PayloadType is not { } payloadType
                || (call.Scope is { } scope && (handler.Scopes & scope) == 0)
                || !seen.Add(payloadType))
            {
                continue;
            }

            var read = JsonShapes.ReadWeb(payloadType, member: null, symbols) & ~JsonKinds.Null;
            if ((written & read) != 0 || RuntimeTypes.MayBeInstanceOf(context.Compilation, sent, payloadType))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.PayloadTypeMismatch,
                payload.Value.Syntax.GetLocation(),
                $"A '{Display(sent)}' payload can never become '{Display(payloadType)}', the payload of component handler '{handler.Origin}' for message '{messageType}': "
                + $"it is written as {JsonKindText.Describe(written)}, and '{Display(payloadType)}' is read from {JsonKindText.Describe(read)}; send a '{Display(payloadType)}' instead"));
        }
    }

    private static IEnumerable<string> Single(int scopes)
    {
        foreach (var scope in new[] { ComponentHandlerShapes.View, ComponentHandlerShapes.Page, ComponentHandlerShapes.Session })
        {
            if ((scopes & scope) != 0)
            {
                yield return "ListenScope." + ComponentHandlerShapes.Describe(scope);
            }
        }
    }

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
