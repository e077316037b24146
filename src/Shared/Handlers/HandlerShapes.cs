// The one definition of which handler signatures Switchboard accepts (the "Source generator" issue's list). It depends
// on Roslyn alone so that the generator can compile this same file and both sides always agree.
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Switchboard.Analyzers.Handlers;

/// <summary>Classifies handler methods: which parameter is the payload, the context and the token, and what they return.</summary>
internal static class HandlerShapes
{
    /// <summary>What a handler may take and return, for messages that name the rule.</summary>
    public const string AllowedParameters =
        "a handler takes, in any order, at most one payload (a class, record or struct, or IReadOnlyDictionary<string, object?>), "
        + "at most one context (MessageContext; Session for session handlers; Client for client handlers) and at most one CancellationToken";

    public const string AllowedReturnTypes =
        "a handler returns void, Task or ValueTask, or a value, Task<T> or ValueTask<T> to answer requests";

    // Scope flags as the runtime's Switchboard.Scope defines them.
    private const int ClientScope = 1;
    private const int SessionScope = 4;

    /// <summary>Classifies <paramref name="method"/>, a handler declared in <paramref name="scope"/> (Switchboard.Scope flags).</summary>
    public static HandlerShape Classify(IMethodSymbol method, int scope, HandlerShapeTypes types)
    {
        var problems = ImmutableArray.CreateBuilder<HandlerShapeProblem>();
        var roles = ImmutableArray.CreateBuilder<HandlerParameterRole>(method.Parameters.Length);
        ITypeSymbol? payloadType = null;
        var seen = new bool[(int)HandlerParameterRole.CancellationToken + 1];
        foreach (var parameter in method.Parameters)
        {
            var role = ClassifyParameter(parameter, scope, types, problems);
            if (role != HandlerParameterRole.Invalid)
            {
                var family = role is HandlerParameterRole.Session or HandlerParameterRole.Client ? HandlerParameterRole.MessageContext : role;
                if (seen[(int)family])
                {
                    problems.Add(new HandlerShapeProblem(
                        HandlerShapeProblemKind.RepeatedRole,
                        parameter,
                        $"takes a second {Describe(family)} in parameter '{parameter.Name}'; {AllowedParameters}"));
                    role = HandlerParameterRole.Invalid;
                }
                else
                {
                    seen[(int)family] = true;
                    if (role == HandlerParameterRole.Payload)
                    {
                        payloadType = parameter.Type;
                    }
                }
            }

            roles.Add(role);
        }

        var (returnKind, responseType) = ClassifyReturn(method, types, problems);
        return new HandlerShape(roles.MoveToImmutable(), payloadType, returnKind, responseType, problems.ToImmutable());
    }

    private static HandlerParameterRole ClassifyParameter(
        IParameterSymbol parameter, int scope, HandlerShapeTypes types, ImmutableArray<HandlerShapeProblem>.Builder problems)
    {
        if (parameter.RefKind != RefKind.None)
        {
            problems.Add(new HandlerShapeProblem(
                HandlerShapeProblemKind.ByReferenceParameter,
                parameter,
                $"cannot take parameter '{parameter.Name}' by reference ({RefKindText(parameter.RefKind)}); the generated invoker passes every argument by value"));
            return HandlerParameterRole.Invalid;
        }

        if (parameter.IsParams)
        {
            problems.Add(new HandlerShapeProblem(
                HandlerShapeProblemKind.ParamsParameter,
                parameter,
                $"cannot take a params parameter ('{parameter.Name}'); {AllowedParameters}"));
            return HandlerParameterRole.Invalid;
        }

        var type = parameter.Type;
        if (Is(type, types.MessageContext))
        {
            return HandlerParameterRole.MessageContext;
        }

        if (Is(type, types.CancellationToken))
        {
            return HandlerParameterRole.CancellationToken;
        }

        if (Is(type, types.Session))
        {
            if (scope == SessionScope)
            {
                return HandlerParameterRole.Session;
            }

            problems.Add(new HandlerShapeProblem(
                HandlerShapeProblemKind.ContextOutsideItsScope,
                parameter,
                $"takes a Session ('{parameter.Name}') but is not only a session handler; take a MessageContext, whose Session is set when the handler runs for a session"));
            return HandlerParameterRole.Invalid;
        }

        if (Is(type, types.Client))
        {
            if (scope == ClientScope)
            {
                return HandlerParameterRole.Client;
            }

            problems.Add(new HandlerShapeProblem(
                HandlerShapeProblemKind.ContextOutsideItsScope,
                parameter,
                $"takes a Client ('{parameter.Name}') but is not only a client handler; take a MessageContext, whose Client is set when the handler runs in a client"));
            return HandlerParameterRole.Invalid;
        }

        if (types.IsEndpoint(type))
        {
            return Unsupported(parameter, "an endpoint is not a handler argument; take a MessageContext, which has the Endpoint and the Gateway");
        }

        if (DynamicIn(type) is { } dynamicPart)
        {
            return Unsupported(parameter, $"{dynamicPart} dynamic, {DynamicWhy}; take a typed payload or IReadOnlyDictionary<string, object?>");
        }

        if (types.IsUntypedPayload(type) || type.TypeKind == TypeKind.TypeParameter)
        {
            // Type parameters are the business of the "cannot be called" rule, which reports generic handlers.
            return HandlerParameterRole.Payload;
        }

        return type switch
        {
            INamedTypeSymbol { IsRefLikeType: true } => Unsupported(parameter, "a ref struct cannot be queued"),
            INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: true } => Unsupported(parameter, "an abstract class cannot be created from a payload"),
            INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } => HandlerParameterRole.Payload,
            INamedTypeSymbol { TypeKind: TypeKind.Interface } => Unsupported(parameter, "the only interface a payload may be is IReadOnlyDictionary<string, object?>"),
            _ => Unsupported(parameter, $"a payload is a class, record or struct, not {Article(type)}"),
        };

        HandlerParameterRole Unsupported(IParameterSymbol offending, string why)
        {
            problems.Add(new HandlerShapeProblem(
                HandlerShapeProblemKind.UnsupportedParameterType,
                offending,
                $"cannot take parameter '{offending.Name}' of type '{offending.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}': {why}; {AllowedParameters}"));
            return HandlerParameterRole.Invalid;
        }
    }

    private static (HandlerReturnKind Kind, ITypeSymbol? Response) ClassifyReturn(
        IMethodSymbol method, HandlerShapeTypes types, ImmutableArray<HandlerShapeProblem>.Builder problems)
    {
        var (kind, response) = ClassifyReturnType(method, types, problems);
        if (response is not null && ContainsDynamic(response))
        {
            var part = response.TypeKind == TypeKind.Dynamic ? "its response is dynamic" : $"its response '{Display(response)}' contains dynamic";
            problems.Add(new HandlerShapeProblem(
                HandlerShapeProblemKind.UnsupportedReturnType,
                null,
                $"cannot return '{Display(method.ReturnType)}': {part}, {DynamicWhy}; return a typed value"));
            return (HandlerReturnKind.Invalid, null);
        }

        return (kind, response);
    }

    private static (HandlerReturnKind Kind, ITypeSymbol? Response) ClassifyReturnType(
        IMethodSymbol method, HandlerShapeTypes types, ImmutableArray<HandlerShapeProblem>.Builder problems)
    {
        var type = method.ReturnType;
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return Unsupported("returns by reference");
        }

        if (method.ReturnsVoid)
        {
            if (method.IsAsync)
            {
                problems.Add(new HandlerShapeProblem(
                    HandlerShapeProblemKind.AsyncVoid,
                    null,
                    "is async void, so nobody can await it or see its exception; return Task instead"));
                return (HandlerReturnKind.Invalid, null);
            }

            return (HandlerReturnKind.Void, null);
        }

        if (Is(type, types.Task))
        {
            return (HandlerReturnKind.Task, null);
        }

        if (Is(type, types.ValueTask))
        {
            return (HandlerReturnKind.ValueTask, null);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            if (Is(generic.OriginalDefinition, types.TaskOfT))
            {
                return (HandlerReturnKind.TaskOfT, generic.TypeArguments[0]);
            }

            if (Is(generic.OriginalDefinition, types.ValueTaskOfT))
            {
                return (HandlerReturnKind.ValueTaskOfT, generic.TypeArguments[0]);
            }
        }

        return type switch
        {
            INamedTypeSymbol { IsRefLikeType: true } => Unsupported("returns a ref struct, which cannot be boxed as a response"),
            IPointerTypeSymbol or IFunctionPointerTypeSymbol => Unsupported("returns a pointer"),
            _ => (HandlerReturnKind.Value, type),
        };

        (HandlerReturnKind, ITypeSymbol?) Unsupported(string why)
        {
            problems.Add(new HandlerShapeProblem(
                HandlerShapeProblemKind.UnsupportedReturnType,
                null,
                $"cannot return '{type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}': it {why}; {AllowedReturnTypes}"));
            return (HandlerReturnKind.Invalid, null);
        }
    }

    // The registry, the typed stubs and the manifest name payload and response types in typeof and declarations.
    private const string DynamicWhy = "which generated code cannot name in typeof, in a typed stub or in the manifest, nor convert a payload to";

    /// <summary>"it is" when <paramref name="type"/> is dynamic, "it contains" when dynamic is inside it, else null.</summary>
    private static string? DynamicIn(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Dynamic)
        {
            return "it is";
        }

        return ContainsDynamic(type) ? "it contains" : null;
    }

    private static bool ContainsDynamic(ITypeSymbol type)
    {
        switch (type)
        {
            case { TypeKind: TypeKind.Dynamic }:
                return true;
            case IArrayTypeSymbol array:
                return ContainsDynamic(array.ElementType);
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                {
                    if (ContainsDynamic(argument))
                    {
                        return true;
                    }
                }

                return named.ContainingType is { } outer && ContainsDynamic(outer);
            default:
                return false;
        }
    }

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    private static string Describe(HandlerParameterRole family) => family switch
    {
        HandlerParameterRole.Payload => "payload",
        HandlerParameterRole.CancellationToken => "CancellationToken",
        _ => "context",
    };

    private static string RefKindText(RefKind kind) => kind switch
    {
        RefKind.Out => "out",
        RefKind.In => "in",
        _ => "ref",
    };

    private static string Article(ITypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Array => "an array",
        TypeKind.Delegate => "a delegate",
        TypeKind.Enum => "an enum",
        TypeKind.Pointer or TypeKind.FunctionPointer => "a pointer",
        TypeKind.Dynamic => "dynamic",
        _ => "a " + type.TypeKind.ToString().ToLowerInvariant(),
    };
}

/// <summary>The types <see cref="HandlerShapes"/> compares against, looked up once per compilation.</summary>
internal sealed class HandlerShapeTypes
{
    private HandlerShapeTypes(Compilation compilation)
    {
        MessageContext = compilation.GetTypeByMetadataName("Switchboard.MessageContext");
        Session = compilation.GetTypeByMetadataName("Switchboard.Session");
        Client = compilation.GetTypeByMetadataName("Switchboard.Client");
        Endpoint = compilation.GetTypeByMetadataName("Switchboard.Endpoint");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        ReadOnlyDictionaryOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IReadOnlyDictionary`2");
    }

    public INamedTypeSymbol? MessageContext { get; }

    public INamedTypeSymbol? Session { get; }

    public INamedTypeSymbol? Client { get; }

    public INamedTypeSymbol? Endpoint { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? ReadOnlyDictionaryOfT { get; }

    /// <summary>
    /// The types of <paramref name="compilation"/>, looked up on its first use and kept while it lives: the generator
    /// classifies every handler, and each lookup searches every referenced assembly.
    /// </summary>
    public static HandlerShapeTypes From(Compilation compilation) => PerCompilation.GetValue(compilation, Create);

    private static readonly ConditionalWeakTable<Compilation, HandlerShapeTypes> PerCompilation = new();

    private static readonly ConditionalWeakTable<Compilation, HandlerShapeTypes>.CreateValueCallback Create =
        compilation => new HandlerShapeTypes(compilation);

    /// <summary>Whether <paramref name="type"/> is exactly <c>IReadOnlyDictionary&lt;string, object?&gt;</c>, the untyped payload.</summary>
    public bool IsUntypedPayload(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsGenericType: true } named
        && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, ReadOnlyDictionaryOfT)
        && named.TypeArguments[0].SpecialType == SpecialType.System_String
        && named.TypeArguments[1].SpecialType == SpecialType.System_Object;

    /// <summary>Whether <paramref name="type"/> is <c>Switchboard.Endpoint</c> or derives from it.</summary>
    public bool IsEndpoint(ITypeSymbol type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, Endpoint))
            {
                return true;
            }
        }

        return false;
    }
}


/// <summary>What one handler parameter is to the generated invoker.</summary>
internal enum HandlerParameterRole
{
    /// <summary>Not usable; see the problem reported for it.</summary>
    Invalid,

    /// <summary>The payload: a class, record or struct, or <c>IReadOnlyDictionary&lt;string, object?&gt;</c>.</summary>
    Payload,

    /// <summary>A <c>MessageContext</c>.</summary>
    MessageContext,

    /// <summary>The <c>Session</c> the handler runs for (session handlers only).</summary>
    Session,

    /// <summary>The <c>Client</c> the handler runs in (client handlers only).</summary>
    Client,

    /// <summary>The <c>CancellationToken</c> of the invocation.</summary>
    CancellationToken,
}

/// <summary>How the generated invoker gets the handler's result.</summary>
internal enum HandlerReturnKind
{
    /// <summary>Not usable; see the problem reported for it.</summary>
    Invalid,

    /// <summary><c>void</c>: a message handler.</summary>
    Void,

    /// <summary><c>Task</c>: an asynchronous message handler.</summary>
    Task,

    /// <summary><c>ValueTask</c>: an asynchronous message handler.</summary>
    ValueTask,

    /// <summary>A value: a request handler.</summary>
    Value,

    /// <summary><c>Task&lt;T&gt;</c>: an asynchronous request handler.</summary>
    TaskOfT,

    /// <summary><c>ValueTask&lt;T&gt;</c>: an asynchronous request handler.</summary>
    ValueTaskOfT,
}

/// <summary>What is wrong with a part of a handler's signature; the code fixes key off these.</summary>
internal enum HandlerShapeProblemKind
{
    /// <summary>A <c>ref</c>, <c>out</c> or <c>in</c> parameter (fix: drop the modifier).</summary>
    ByReferenceParameter,

    /// <summary>A <c>params</c> parameter.</summary>
    ParamsParameter,

    /// <summary>A parameter type that is no payload, context or token.</summary>
    UnsupportedParameterType,

    /// <summary>A second payload, context or token.</summary>
    RepeatedRole,

    /// <summary>A <c>Session</c> or <c>Client</c> parameter on a handler of another scope.</summary>
    ContextOutsideItsScope,

    /// <summary><c>async void</c> (fix: return <c>Task</c>).</summary>
    AsyncVoid,

    /// <summary>A return type the invoker cannot use.</summary>
    UnsupportedReturnType,
}

/// <summary>One problem with a handler's signature, with the parameter it is about (or none for the return type).</summary>
internal sealed class HandlerShapeProblem
{
    public HandlerShapeProblem(HandlerShapeProblemKind kind, IParameterSymbol? parameter, string message)
    {
        Kind = kind;
        Parameter = parameter;
        Message = message;
    }

    public HandlerShapeProblemKind Kind { get; }

    /// <summary>The offending parameter, or <see langword="null"/> when the problem is the return type.</summary>
    public IParameterSymbol? Parameter { get; }

    /// <summary>Completes "Handler 'x' …": says what is wrong and what is allowed.</summary>
    public string Message { get; }
}

/// <summary>
/// The classified signature of a handler method: the role of each parameter, the payload and response types, and
/// every problem that makes the generator skip it. See <see cref="HandlerShapes.Classify"/>.
/// </summary>
internal sealed class HandlerShape
{
    public HandlerShape(
        ImmutableArray<HandlerParameterRole> parameterRoles,
        ITypeSymbol? payloadType,
        HandlerReturnKind returnKind,
        ITypeSymbol? responseType,
        ImmutableArray<HandlerShapeProblem> problems)
    {
        ParameterRoles = parameterRoles;
        PayloadType = payloadType;
        ReturnKind = returnKind;
        ResponseType = responseType;
        Problems = problems;
    }

    /// <summary>The role of each parameter, in declaration order.</summary>
    public ImmutableArray<HandlerParameterRole> ParameterRoles { get; }

    /// <summary>The payload type, or <see langword="null"/> when the handler takes none.</summary>
    public ITypeSymbol? PayloadType { get; }

    public HandlerReturnKind ReturnKind { get; }

    /// <summary>The response type of a request handler, or <see langword="null"/> when it returns nothing.</summary>
    public ITypeSymbol? ResponseType { get; }

    /// <summary>Empty when the generator can call the handler.</summary>
    public ImmutableArray<HandlerShapeProblem> Problems { get; }

    public bool IsValid => Problems.IsEmpty;
}
