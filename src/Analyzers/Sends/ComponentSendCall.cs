using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Switchboard.Analyzers.Handlers;

namespace Switchboard.Analyzers.Sends;

/// <summary>
/// A component message send (Perspective's <c>system.perspective.sendMessage</c>), read by parameter name: any method
/// with a <c>ListenScope scope</c> parameter, such as <c>BrowserSession.SendComponentMessageAsync</c>, the component's
/// own and the <c>Session</c> extension, and the generated <c>Send…ToComponentsAsync</c> stubs (which have no
/// <c>messageType</c> parameter: their message type is fixed).
/// </summary>
internal sealed class ComponentSendCall
{
    private ComponentSendCall(IInvocationOperation invocation, IArgumentOperation scope)
    {
        Invocation = invocation;
        ScopeArgument = scope;
    }

    public IInvocationOperation Invocation { get; }

    /// <summary>The explicit <c>messageType</c> argument, or <see langword="null"/> (a typed stub).</summary>
    public IArgumentOperation? MessageTypeArgument { get; private set; }

    /// <summary>The constant message type, or <see langword="null"/> when it is not a constant.</summary>
    public string? MessageType => MessageTypeArgument is { } argument && SendCall.ConstantOf(argument.Value) is { HasValue: true, Value: string text } ? text : null;

    /// <summary>The scope argument, explicit or the parameter's default.</summary>
    public IArgumentOperation ScopeArgument { get; }

    /// <summary>Whether the scope is written at the call.</summary>
    public bool ScopeIsExplicit => ScopeArgument.ArgumentKind == ArgumentKind.Explicit;

    /// <summary>The scope when it is a constant (ListenScope flags), else <see langword="null"/>.</summary>
    public int? Scope => SendCall.ConstantOf(ScopeArgument.Value) is { HasValue: true, Value: int value } ? value : null;

    /// <summary>The explicit payload argument, or <see langword="null"/>.</summary>
    public IArgumentOperation? Payload { get; private set; }

    /// <summary>
    /// Whether a view-scoped send can have no view name: the call's <c>viewName</c> is omitted or null, or the method
    /// sends from a <c>Session</c>, which is in no view. (A component's own send takes its view from where it is.)
    /// </summary>
    public bool HasNoViewName { get; private set; }

    /// <summary>Where to report about the message type: its argument, else the call.</summary>
    public Location MessageTypeLocation => (MessageTypeArgument?.Value.Syntax ?? Invocation.Syntax).GetLocation();

    /// <summary>Where to report about the scope: its argument when written, else the message type.</summary>
    public Location ScopeLocation => ScopeIsExplicit ? ScopeArgument.Value.Syntax.GetLocation() : MessageTypeLocation;

    public static ComponentSendCall? TryRead(IInvocationOperation invocation, ComponentFacts facts)
    {
        IArgumentOperation? scope = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Name: "scope" } parameter && SymbolEqualityComparer.Default.Equals(parameter.Type, facts.ListenScope))
            {
                scope = argument;
                break;
            }
        }

        if (scope is null)
        {
            return null;
        }

        var call = new ComponentSendCall(invocation, scope);
        var hasViewNameParameter = false;
        var viewNameIsNull = true;
        foreach (var argument in invocation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "messageType" when argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter.Type.SpecialType == SpecialType.System_String:
                    call.MessageTypeArgument = argument;
                    break;
                case "payload" when argument.ArgumentKind == ArgumentKind.Explicit:
                    call.Payload = argument;
                    break;
                case "viewName":
                    hasViewNameParameter = true;
                    viewNameIsNull = SendCall.ConstantOf(argument.Value) is { HasValue: true, Value: null };
                    break;
            }
        }

        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        var sendsFromSession = method.IsExtensionMethod && method.Parameters.Length > 0
            && method.Parameters[0].Type is { Name: "Session", ContainingNamespace: { Name: "Switchboard", ContainingNamespace.IsGlobalNamespace: true } };
        call.HasNoViewName = hasViewNameParameter ? viewNameIsNull : sendsFromSession;
        return call;
    }
}
