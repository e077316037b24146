using Microsoft.CodeAnalysis;

namespace Switchboard.Analyzers;

/// <summary>
/// Every diagnostic Switchboard reports, with its stable ID. IDs are never reused: a retired rule keeps its number.
/// Each rule has a help page at <c>docs/diagnostics/SWBnnnn.md</c>, linked absolutely from its descriptor; its severity can be changed in <c>.editorconfig</c>
/// (<c>dotnet_diagnostic.SWB0001.severity = warning</c>).
/// </summary>
public static class DiagnosticDescriptors
{
    /// <summary>A handler name that no handler of the project declares.</summary>
    public const string UnknownHandlerNameId = "SWB0001";

    /// <summary>A project name that no known project has.</summary>
    public const string UnknownProjectId = "SWB0002";

    /// <summary>An invalid scope string (unknown or repeated letter, empty) or scope value, on a send or a handler declaration.</summary>
    public const string InvalidScopeId = "SWB0003";

    /// <summary>An explicit scope that includes a scope where the handler is not declared.</summary>
    public const string ScopeWithoutHandlerId = "SWB0004";

    /// <summary>A handler signature the generator cannot use.</summary>
    public const string UnsupportedHandlerSignatureId = "SWB0005";

    /// <summary>Two handlers with the same name in the same project and scope.</summary>
    public const string DuplicateHandlerId = "SWB0006";

    /// <summary>A handler that generated code cannot call.</summary>
    public const string UncallableHandlerId = "SWB0007";

    /// <summary>Client and session filters on a send whose scope is only the gateway.</summary>
    public const string GatewayOnlyFiltersId = "SWB0008";

    /// <summary>A request to a handler that returns nothing or is not a gateway handler.</summary>
    public const string InvalidRequestTargetId = "SWB0009";

    /// <summary>An empty, whitespace or overlong handler name.</summary>
    public const string UnusableHandlerNameId = "SWB0010";

    /// <summary>Two handler names in one project that differ only by case.</summary>
    public const string HandlerNamesDifferByCaseId = "SWB0011";

    /// <summary>A dictionary literal payload whose keys do not match the typed handler's payload.</summary>
    public const string DictionaryPayloadKeysId = "SWB0012";

    /// <summary>UI threading on a handler that does not run only in clients.</summary>
    public const string UiThreadingOutsideClientId = "SWB0013";

    /// <summary>A blank project name on a handler or on the assembly.</summary>
    public const string BlankProjectNameId = "SWB0014";

    /// <summary>A <c>Threading</c> value that is not a <c>HandlerThreading</c> member.</summary>
    public const string UnknownThreadingId = "SWB0015";

    /// <summary>One handler name whose declarations in different scopes take different typed payloads.</summary>
    public const string PayloadTypesDifferByScopeId = "SWB0016";

    /// <summary>A payload on a string-based send that can never become the handler's payload type.</summary>
    public const string PayloadTypeMismatchId = "SWB0017";

    /// <summary>A dictionary literal value that can never become the type of the property its key fills.</summary>
    public const string DictionaryValueTypeId = "SWB0018";

    /// <summary>A request whose type argument the handler's answer can never be.</summary>
    public const string ResponseTypeMismatchId = "SWB0019";

    /// <summary>A handler manifest file that cannot be read.</summary>
    public const string UnreadableManifestId = "SWB0020";

    /// <summary>Durable delivery that cannot work: a durable handler outside gateway scope, a durable send to a handler that is not a gateway handler, or SendMessage to a durable one.</summary>
    public const string DurableOutsideGatewayId = "SWB0021";

    /// <summary>Inline threading on a handler that is not only a gateway handler.</summary>
    public const string InlineThreadingOutsideGatewayId = "SWB0022";

    /// <summary>SWB0030 (SWB0022 to SWB0029 are kept for handler and send checks).</summary>
    public const string PayloadJsonMetadataId = "SWB0030";

    // Absolute, so an IDE can open it: DocsUrl.DiagnosticsBase is written at build time from $(SwitchboardDocsUrl) in
    // Directory.Build.props. Each descriptor is a direct constructor call with constant arguments, which is what
    // release tracking (RS2000-RS2008) can read.
    private const string HelpLinkBase = DocsUrl.DiagnosticsBase;

    private const string UsageCategory = "Switchboard.Usage";
    private const string DeclarationCategory = "Switchboard.Declaration";

    /// <summary>SWB0001: unknown handler name.</summary>
    public static readonly DiagnosticDescriptor UnknownHandlerName = new(
        UnknownHandlerNameId,
        "Unknown message handler",
        "{0}",
        UsageCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "A send names a handler that no handler of the project declares, in source or in a referenced assembly's manifest. Ignition drops such a message silently; here it is a compile-time error. A component message send is checked the same way against the [ComponentMessageHandler] methods of the compilation.",
        HelpLinkBase + UnknownHandlerNameId + ".md");

    /// <summary>SWB0002: unknown project name.</summary>
    public static readonly DiagnosticDescriptor UnknownProject = new(
        UnknownProjectId,
        "Unknown messaging project",
        "No known project is named '{0}'{1}",
        UsageCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        "A send names a project that neither this compilation nor any referenced assembly declares handlers for. It is a warning because a project may be registered by hand at run time.",
        HelpLinkBase + UnknownProjectId + ".md");

    /// <summary>SWB0003: invalid scope string or value on a send, or invalid scope value on a handler declaration.</summary>
    public static readonly DiagnosticDescriptor InvalidScope = new(
        InvalidScopeId,
        "Invalid scope",
        "{0}",
        UsageCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "A scope is one to three distinct letters among C (clients), G (the gateway) and S (sessions), in any order and case; a Scope value is a non-empty combination of Client, Gateway and Session (1 to 7). On a send anything else throws at run time; on a [MessageHandler] declaration the generator skips the handler, so it is never registered. Component message listen scopes are a non-empty combination of ListenScope.View, Page and Session; a component send goes to exactly one of them, and to View only with a view name.",
        HelpLinkBase + InvalidScopeId + ".md");

    /// <summary>SWB0004: the explicit scope includes a scope where the handler is not declared.</summary>
    public static readonly DiagnosticDescriptor ScopeWithoutHandler = new(
        ScopeWithoutHandlerId,
        "Scope reaches no handler",
        "{0}",
        UsageCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        "Every endpoint selected in a scope where the handler is not declared reports NO_HANDLER. Narrow the scope to where the handler is declared. A component message sent to a scope that no handler of its message type listens on runs nothing.",
        HelpLinkBase + ScopeWithoutHandlerId + ".md");

    /// <summary>SWB0005: unsupported handler signature.</summary>
    public static readonly DiagnosticDescriptor UnsupportedHandlerSignature = new(
        UnsupportedHandlerSignatureId,
        "Unsupported message handler signature",
        "Handler '{0}' {1}",
        DeclarationCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "The generator calls a handler with, in any order: at most one payload (a class, record or struct, or IReadOnlyDictionary<string, object?>), at most one context (MessageContext; Session for session handlers; Client for client handlers) and at most one CancellationToken. A handler returns void, Task, ValueTask, or a value, Task<T> or ValueTask<T> (request handlers). Any other handler is skipped. A component handler ([ComponentMessageHandler]) returns void, Task or ValueTask and takes no parameter or one payload.",
        HelpLinkBase + UnsupportedHandlerSignatureId + ".md");

    /// <summary>SWB0006: duplicate handler.</summary>
    public static readonly DiagnosticDescriptor DuplicateHandler = new(
        DuplicateHandlerId,
        "Duplicate message handler",
        "{0}",
        DeclarationCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "A handler name may be declared once per project and scope; the gateway refuses a project with two. A component method that handles one message type twice in overlapping listen scopes runs twice for one message.",
        HelpLinkBase + DuplicateHandlerId + ".md");

    /// <summary>SWB0007: handler that generated code cannot call.</summary>
    public static readonly DiagnosticDescriptor UncallableHandler = new(
        UncallableHandlerId,
        "Message handler cannot be called",
        "Handler '{0}' cannot be called: {1}",
        DeclarationCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "The generated registry calls each handler directly, from a class of its own in the same assembly. A handler must be an ordinary, non-generic method that is at least internal, in a non-generic type, and, when it is an instance method, in a type that can be created. Its payload and response types, and every type around or inside them, must be at least internal and not file-local, because generated code names them. A component handler ([ComponentMessageHandler]) is registered by its component: it must be a non-generic instance method of a MessagingComponentBase.",
        HelpLinkBase + UncallableHandlerId + ".md");

    /// <summary>SWB0008: filters on a gateway-only send.</summary>
    public static readonly DiagnosticDescriptor GatewayOnlyFilters = new(
        GatewayOnlyFiltersId,
        "Filters on a gateway-only send",
        "{0} only narrow{1} clients and sessions, but scope {2} is only the gateway, where filters do not apply",
        UsageCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        "clientSessionId, user, hasRole and hostName narrow the clients and sessions a message reaches; they never apply to the gateway. On a send whose scope is only the gateway they select nothing.",
        HelpLinkBase + GatewayOnlyFiltersId + ".md");

    /// <summary>SWB0009: request to a handler that cannot answer it.</summary>
    public static readonly DiagnosticDescriptor InvalidRequestTarget = new(
        InvalidRequestTargetId,
        "Request to a handler that cannot answer",
        "Handler '{0}' of project '{1}' cannot answer a request: {2}",
        UsageCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "A request goes to exactly one gateway handler and returns its value. A handler that is not declared in the gateway scope, or that returns nothing, cannot answer it. A request-all asks every handler its scope selects; when all of them return nothing, none can answer.",
        HelpLinkBase + InvalidRequestTargetId + ".md");

    /// <summary>SWB0010: an empty, whitespace or overlong handler name.</summary>
    public static readonly DiagnosticDescriptor UnusableHandlerName = new(
        UnusableHandlerNameId,
        "Unusable message handler name",
        "A message handler name must not be empty or whitespace, and has at most 1,024 characters",
        UsageCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "A handler name that is empty, whitespace or longer than 1,024 characters can never be sent to: the generator registers no such handler, the gateway refuses to register it, every send with it throws, and a gateway network drops a message naming it as malformed. The same holds for a blank component message type: a component with one throws when it is created, and a send with one throws.",
        HelpLinkBase + UnusableHandlerNameId + ".md");

    /// <summary>SWB0011: names differing only by case.</summary>
    public static readonly DiagnosticDescriptor HandlerNamesDifferByCase = new(
        HandlerNamesDifferByCaseId,
        "Handler names differ only by case",
        "Handler name '{0}' differs only by case from '{1}' in {2} ({3})",
        DeclarationCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        "Handler names and component message types are case-sensitive, so two names that differ only by case are two handlers, and a sender easily picks the wrong one.",
        HelpLinkBase + HandlerNamesDifferByCaseId + ".md");

    /// <summary>SWB0012: dictionary keys that do not match the typed payload.</summary>
    public static readonly DiagnosticDescriptor DictionaryPayloadKeys = new(
        DictionaryPayloadKeysId,
        "Dictionary payload does not match the handler's payload type",
        "{0}",
        UsageCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        "A dictionary sent to a typed handler is converted to its payload type, matching keys to properties case-insensitively. A key that matches no property, or no key for a value the type requires (a required property, or a constructor parameter without a default), makes the conversion fail at run time. A component message's dictionary is read with the web JSON defaults, which skip an unknown key (its value is lost, reported when no handler the send reaches reads it) and leave a missing constructor parameter at its default (not reported).",
        HelpLinkBase + DictionaryPayloadKeysId + ".md");

    /// <summary>SWB0013: UI threading outside clients.</summary>
    public static readonly DiagnosticDescriptor UiThreadingOutsideClient = new(
        UiThreadingOutsideClientId,
        "UI threading on a handler that does not run only in clients",
        "Handler '{0}' asks for HandlerThreading.UI but is declared in scope {1}; outside clients it runs as Dedicated",
        DeclarationCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        "Only a client has a UI SynchronizationContext (Ignition's EDT). In the gateway and in sessions, UI threading behaves as Dedicated, which is rarely what was meant.",
        HelpLinkBase + UiThreadingOutsideClientId + ".md");

    /// <summary>SWB0022: inline threading outside the gateway.</summary>
    public static readonly DiagnosticDescriptor InlineThreadingOutsideGateway = new(
        InlineThreadingOutsideGatewayId,
        "Inline threading on a handler that does not run only at the gateway",
        "Handler '{0}' asks for HandlerThreading.Inline but is declared in scope {1}; in clients and sessions it runs as Shared",
        DeclarationCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        "Only the gateway runs a handler on the sending thread. Clients and sessions are reached while the router holds their selection, where a handler could not safely send or attach, so there Inline threading behaves as Shared, which is rarely what was meant.",
        HelpLinkBase + InlineThreadingOutsideGatewayId + ".md");

    /// <summary>SWB0014: a blank project name.</summary>
    public static readonly DiagnosticDescriptor BlankProjectName = new(
        BlankProjectNameId,
        "Blank messaging project name",
        "{0}",
        DeclarationCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "A project name cannot be blank or longer than 1,024 characters, the most any name in a message may have. A handler whose Project is such a name is skipped by the generator and never registered; such an [assembly: MessagingProject] is ignored, and the assembly's handlers belong to the project named after the assembly.",
        HelpLinkBase + BlankProjectNameId + ".md");

    /// <summary>SWB0015: a Threading value outside HandlerThreading.</summary>
    public static readonly DiagnosticDescriptor UnknownThreading = new(
        UnknownThreadingId,
        "Unknown handler threading",
        "Handler '{0}' has Threading value {1}, which is not HandlerThreading.Shared, Dedicated, UI or Inline, so the generator skips it and no message ever reaches it; use one of the four",
        DeclarationCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "HandlerThreading has four members: Shared (0), Dedicated (1), UI (2) and Inline (3). A handler whose Threading is any other value, for example a cast such as (HandlerThreading)7, is skipped by the generator and never registered.",
        HelpLinkBase + UnknownThreadingId + ".md");

    /// <summary>SWB0016: different typed payloads for one handler name.</summary>
    public static readonly DiagnosticDescriptor PayloadTypesDifferByScope = new(
        PayloadTypesDifferByScopeId,
        "Handler name takes different payload types in different scopes",
        "Handler '{0}' of project '{1}' takes different payload types by scope ({2}), so its typed stubs take object and each payload is converted at run time; give every scope one payload type, such as '{3}'",
        DeclarationCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        "All the declarations of one handler name share one field and one Send stub. When they take different typed payloads, the stub's payload is object: the compiler no longer checks what is sent, and a payload is converted through JSON for each scope whose type it is not, failing at run time when it does not fit.",
        HelpLinkBase + PayloadTypesDifferByScopeId + ".md");

    /// <summary>SWB0017: a payload that can never become the handler's payload type.</summary>
    public static readonly DiagnosticDescriptor PayloadTypeMismatch = new(
        PayloadTypeMismatchId,
        "Payload can never become the handler's payload type",
        "{0}",
        UsageCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "A payload that is not already the handler's payload type is converted through JSON before anything is queued. When the payload's static type is no instance of the handler's type and the JSON it is written as (a string, a number, an object, an array) is never what that type reads, the send always throws PayloadConversionException. A null payload is an empty dictionary, a JSON object. A component message payload is checked the same way against its handlers' payload types (read with System.Text.Json's web defaults, which also read numbers from strings; a null payload reaches them unconverted).",
        HelpLinkBase + PayloadTypeMismatchId + ".md");

    /// <summary>SWB0018: a dictionary value that can never become its property's type.</summary>
    public static readonly DiagnosticDescriptor DictionaryValueType = new(
        DictionaryValueTypeId,
        "Dictionary value can never become its property's type",
        "The value for key '{0}' is a '{1}', which can never become '{2}', the type of {3}, the payload property of {4}: {5}",
        UsageCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        "A dictionary sent to a typed handler is converted to its payload type through JSON. A value whose JSON can never be read as the property's type (a string for a double, null for an int, a number for a string) makes every such send throw PayloadConversionException (ArgumentException for a component message, whose payload is read with the web JSON defaults: there a number may also come from a string that holds one).",
        HelpLinkBase + DictionaryValueTypeId + ".md");

    /// <summary>SWB0019: a request type argument the handler's answer can never be.</summary>
    public static readonly DiagnosticDescriptor ResponseTypeMismatch = new(
        ResponseTypeMismatchId,
        "Request asks for a type the handler never answers with",
        "Handler '{0}' of project '{1}' answers with '{2}', which is never a '{3}'; ask for SendRequestAsync<{2}>",
        UsageCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "A request's answer is handed over as the handler returned it: it must be an instance of the type the request asks for (a base type, an interface it implements or object also work). Numeric and user-defined conversions are not applied, so an int answer is never a long, and such a request always fails with InvalidCastException.",
        HelpLinkBase + ResponseTypeMismatchId + ".md");

    /// <summary>SWB0020: a handler manifest file that cannot be read.</summary>
    public static readonly DiagnosticDescriptor UnreadableManifest = new(
        UnreadableManifestId,
        "Handler manifest cannot be read",
        "The handler manifest '{0}' cannot be read: {1}. Its projects' handlers are unknown to this project until it is fixed; rebuild the project that wrote it, or remove the file from SwitchboardManifest or AdditionalFiles.",
        UsageCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "A *.switchboard.json file among the additional files is a handler manifest of a project built elsewhere: the typed stubs and the checks of sends to that project come from it. A file that is not valid JSON, or not in the manifest format of this Switchboard version, gives neither.",
        HelpLinkBase + UnreadableManifestId + ".md",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>SWB0021: durable delivery that cannot work (outside gateway scope, or SendMessage to a durable handler).</summary>
    public static readonly DiagnosticDescriptor DurableOutsideGateway = new(
        DurableOutsideGatewayId,
        "Durable delivery that cannot work",
        "'{0}' cannot be delivered durably: {1}; {2}",
        UsageCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "A durable message is stored in a gateway's durable queue (Redis Streams) and run by the target gateway, which acknowledges it after its gateway handler ran. Clients and sessions read no durable queue, so durable mode is supported for handlers declared in Scope.Gateway alone: a durable handler in another scope, or whose name is also declared in client or session scope, is refused by Gateway.AddProject, and SendDurableAsync to a handler with no gateway declaration always ends in the dead-letter stream. The synchronous SendMessage cannot wait for the durable queue: to a durable gateway handler it throws InvalidOperationException, or sends fire-and-forget from a gateway that does not have the project.",
        HelpLinkBase + DurableOutsideGatewayId + ".md");

    /// <summary>SWB0030: a payload or response type the generator cannot describe as JSON metadata.</summary>
    public static readonly DiagnosticDescriptor PayloadJsonMetadata = new(
        PayloadJsonMetadataId,
        "No generated JSON metadata for a payload or response type",
        "Handler '{0}' {1} '{2}', but the generator cannot describe it as JSON metadata: {3}. Converting it needs reflection, which native AOT and trimmed applications do not have; change the type, or list it in a JsonSerializerContext set as PayloadJson.TypeInfoResolver.",
        DeclarationCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        "The generator emits System.Text.Json metadata for every handler's payload and response types, so that converting a dictionary to a typed payload, and sending a typed payload to another gateway, work in native AOT applications with no setup. A type it cannot describe falls back to reflection, which native AOT and trimmed applications turn off: the conversion then fails at run time with a PayloadConversionException.",
        HelpLinkBase + PayloadJsonMetadataId + ".md");
}
