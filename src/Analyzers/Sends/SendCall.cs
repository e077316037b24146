using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Sends;

/// <summary>
/// A call to a send-shaped API, read by parameter name: <c>IMessageSender.SendMessage</c>, <c>SendAsync</c>,
/// <c>SendRequestAsync</c> (and the endpoints that implement them) or any other method with a <c>messageHandler</c>
/// string parameter; or a method with a <c>Scope</c> parameter and filter or <c>remoteServers</c> parameters (the
/// generated typed stubs).
/// Only explicit arguments count: a default scope is never "explicit".
/// </summary>
internal sealed class SendCall
{
    // What SendTarget.Resolve found for this call, kept because the call is read once per compilation for every send rule.
    private Resolution? resolution;

    private SendCall()
    {
    }

    public IArgumentOperation? Project { get; private set; }

    public IArgumentOperation? MessageHandler { get; private set; }

    /// <summary>The explicit scope argument, string or <c>Scope</c>; <see langword="null"/> when omitted or null.</summary>
    public IArgumentOperation? Scope { get; private set; }

    public bool ScopeIsString { get; private set; }

    public IArgumentOperation? Payload { get; private set; }

    /// <summary>Explicit filter arguments (clientSessionId, user, hasRole, hostName) that are not a null constant.</summary>
    public ImmutableArray<IArgumentOperation> Filters { get; private set; } = ImmutableArray<IArgumentOperation>.Empty;

    /// <summary>The explicit <c>remoteServer</c> or <c>remoteServers</c> argument that is not a null constant.</summary>
    public IArgumentOperation? RemoteServers { get; private set; }

    /// <summary>A request (<c>SendRequest…</c> or <c>Request…</c>): goes to exactly one gateway handler and wants its value.</summary>
    public bool IsRequest { get; private set; }

    /// <summary>
    /// A request-all (scatter-gather: <c>RequestAllAsync</c>, <c>RequestAllStreamAsync</c> and the typed stubs), told by
    /// what it returns: it selects as a send does and wants a value from every target. Never also <see cref="IsRequest"/>.
    /// </summary>
    public bool IsRequestAll { get; private set; }

    /// <summary>
    /// Ignition's default scope for this call when it gives none: CS when a user, hasRole or hostName filter is a
    /// non-empty constant, else CGS (also when a filter is not a constant: CGS holds every scope CS does, so a rule that
    /// reports what all handlers of the default scope lack never reports a default it cannot be sure of).
    /// </summary>
    public ScopeFlags DefaultScope => KnownDefaultScope ?? ScopeFlags.All;

    /// <summary>
    /// Ignition's default scope for this call when it is sure: CS when a user, hasRole or hostName filter is a non-empty
    /// constant, CGS when none is given (or each is empty); <see langword="null"/> when such a filter is not a constant.
    /// </summary>
    public ScopeFlags? KnownDefaultScope
    {
        get
        {
            if (NarrowingFilter is not null)
            {
                return ScopeFlags.Client | ScopeFlags.Session;
            }

            foreach (var filter in Filters)
            {
                if (FilterParameters.NarrowsDefaultScope(filter.Parameter!.Name) && !ConstantOf(filter.Value).HasValue)
                {
                    return null;
                }
            }

            return ScopeFlags.All;
        }
    }

    /// <summary>
    /// The first user, hasRole or hostName argument that is a non-empty constant: the one that makes Ignition's
    /// default scope CS instead of CGS; <see langword="null"/> when none is.
    /// </summary>
    public IArgumentOperation? NarrowingFilter
    {
        get
        {
            foreach (var filter in Filters)
            {
                if (FilterParameters.NarrowsDefaultScope(filter.Parameter!.Name) && ConstantOf(filter.Value) is { HasValue: true, Value: string { Length: > 0 } })
                {
                    return filter;
                }
            }

            return null;
        }
    }

    /// <summary>The scope the call surely sends to: its constant scope, or the default when it gives none and the default is sure; else <see langword="null"/>.</summary>
    public ScopeFlags? KnownScope => Scope is null ? KnownDefaultScope : TryGetConstantScope(out var scope) ? scope : null;

    /// <summary>The constant project name, or <see langword="null"/> when it is not a constant.</summary>
    public string? ProjectName => ConstantString(Project);

    /// <summary>The constant handler name, or <see langword="null"/> when it is not a constant.</summary>
    public string? HandlerName => ConstantString(MessageHandler);

    public static SendCall? TryRead(IInvocationOperation invocation, SwitchboardSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (!LooksLikeSend(method, symbols))
        {
            return null;
        }

        var isRequestAll = ReturnsRequestAllResults(method.ReturnType);
        var call = new SendCall
        {
            IsRequestAll = isRequestAll,
            IsRequest = !isRequestAll
                && (method.Name.StartsWith("SendRequest", StringComparison.Ordinal) || method.Name.StartsWith("Request", StringComparison.Ordinal)),
        };
        var filters = ImmutableArray.CreateBuilder<IArgumentOperation>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind != ArgumentKind.Explicit)
            {
                continue;
            }

            switch (parameter.Name)
            {
                case "project" when parameter.Type.SpecialType == SpecialType.System_String:
                    call.Project = argument;
                    break;
                case "messageHandler" when parameter.Type.SpecialType == SpecialType.System_String:
                    call.MessageHandler = argument;
                    break;
                case "scope" when !IsNullConstant(argument.Value):
                    call.Scope = argument;
                    call.ScopeIsString = parameter.Type.SpecialType == SpecialType.System_String;
                    break;
                case "payload":
                    call.Payload = argument;
                    break;
                case var name when FilterParameters.IsFilter(name) && !IsNullConstant(argument.Value):
                    filters.Add(argument);
                    break;
                case "remoteServer" or "remoteServers" when !IsNullConstant(argument.Value):
                    call.RemoteServers = argument;
                    break;
            }
        }

        call.Filters = filters.ToImmutable();
        return call;
    }

    /// <summary>
    /// The explicit scope when it is a constant: a valid string or a <c>Scope</c> value. <see langword="false"/> when
    /// there is none, it is not constant, or it is invalid (the invalid-scope rule reports that).
    /// </summary>
    public bool TryGetConstantScope(out ScopeFlags scope)
    {
        scope = ScopeFlags.None;
        if (Scope is null)
        {
            return false;
        }

        var value = ConstantOf(Scope.Value);
        if (!value.HasValue)
        {
            return false;
        }

        if (ScopeIsString)
        {
            return ScopeText.TryParse(value.Value as string, out scope, out _);
        }

        if (value.Value is int flags && ScopeText.IsValid((ScopeFlags)flags))
        {
            scope = (ScopeFlags)flags;
            return true;
        }

        return false;
    }

    /// <summary>
    /// <paramref name="resolve"/>'s answer for this call in <paramref name="index"/>, computed by the first rule that
    /// asks. Two threads may both resolve the first time; either answer is the same.
    /// </summary>
    internal SendTarget? ResolvedIn(HandlerIndex index, Func<SendCall, HandlerIndex, SendTarget?> resolve)
    {
        if (resolution is { } known && ReferenceEquals(known.Index, index))
        {
            return known.Target;
        }

        var target = resolve(this, index);
        resolution = new Resolution(index, target);
        return target;
    }

    /// <summary>The constant value of <paramref name="operation"/>, looking through conversions (e.g. to <c>Scope?</c>).</summary>
    public static Optional<object?> ConstantOf(IOperation operation)
    {
        var current = operation;
        while (!current.ConstantValue.HasValue && current is IConversionOperation conversion)
        {
            current = conversion.Operand;
        }

        return current.ConstantValue;
    }

    /// <summary>The operation without the implicit conversions the compiler put around it.</summary>
    public static IOperation WithoutImplicitConversions(IOperation operation)
    {
        var current = operation;
        while (current is IConversionOperation { IsImplicit: true } conversion)
        {
            current = conversion.Operand;
        }

        return current;
    }

    private static string? ConstantString(IArgumentOperation? argument) =>
        argument is not null && ConstantOf(argument.Value) is { HasValue: true, Value: string text } ? text : null;

    private static bool IsNullConstant(IOperation operation) => ConstantOf(operation) is { HasValue: true, Value: null };

    private static bool LooksLikeSend(IMethodSymbol method, SwitchboardSymbols symbols)
    {
        var hasScopeEnum = false;
        var hasFilter = false;
        foreach (var parameter in method.Parameters)
        {
            switch (parameter.Name)
            {
                case "messageHandler" when parameter.Type.SpecialType == SpecialType.System_String:
                    return true;
                case "scope" when IsScopeType(parameter.Type, symbols):
                    hasScopeEnum = true;
                    break;
                // Typed stubs of gateway-only handlers have no filters, but still remoteServers.
                case var name when name == "remoteServers" || FilterParameters.IsFilter(name):
                    hasFilter = true;
                    break;
            }
        }

        return hasScopeEnum && hasFilter;
    }

    /// <summary>
    /// Whether <paramref name="type"/> is a request-all's result: a task of <c>Switchboard.RequestAllReport&lt;T&gt;</c>
    /// or an async stream of <c>Switchboard.RequestAllResult&lt;T&gt;</c>. By name, so a stub in any assembly counts.
    /// </summary>
    private static bool ReturnsRequestAllResults(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } wrapper
        && wrapper.TypeArguments[0] is INamedTypeSymbol { IsGenericType: true, ContainingNamespace: { Name: "Switchboard", ContainingNamespace.IsGlobalNamespace: true } } inner
        && (wrapper.Name, inner.Name) is ("ValueTask", "RequestAllReport") or ("Task", "RequestAllReport") or ("IAsyncEnumerable", "RequestAllResult");

    private static bool IsScopeType(ITypeSymbol type, SwitchboardSymbols symbols)
    {
        var underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;
        return SymbolEqualityComparer.Default.Equals(underlying, symbols.Scope);
    }

    private sealed class Resolution
    {
        public Resolution(HandlerIndex index, SendTarget? target)
        {
            Index = index;
            Target = target;
        }

        public HandlerIndex Index { get; }

        public SendTarget? Target { get; }
    }
}
