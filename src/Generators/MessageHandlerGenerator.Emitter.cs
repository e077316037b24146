using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Switchboard.Analyzers;
using Switchboard.Analyzers.Sends;
using Switchboard.Generators.Model;
using Switchboard.Generators.Text;

namespace Switchboard.Generators;

public sealed partial class MessageHandlerGenerator
{
    /// <summary>
    /// Writes a project's three files: <c>XMessages.Stubs.g.cs</c> (fields and typed send/request stubs, and a global using of
    /// their namespace),
    /// <c>XMessages.Registry.g.cs</c> (descriptors with direct invokers) and <c>XMessages.Manifest.g.cs</c>
    /// (assembly attributes). Pure: the same model always gives the same text.
    /// </summary>
    internal static partial class Emitter
    {
        // Calling an [Obsolete] handler or naming an [Obsolete] payload type already warns where it is declared.
        private const string ObsoletePragma = "#pragma warning disable CS0612, CS0618 // Obsolete members warn where they are declared.";

        private static readonly string GeneratedCode =
            $"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratedBy.Tool}\", \"{typeof(Emitter).Assembly.GetName().Version}\")]";

        public static void Emit(SourceProductionContext output, ProjectSpec project)
        {
            output.CancellationToken.ThrowIfCancellationRequested();
            Add(output, project.ClassName + GeneratedBy.StubsFileSuffix, Stubs(project));
            Add(output, project.ClassName + ".Registry.g.cs", Registry(project));
            Add(output, project.ClassName + ".Manifest.g.cs", Manifest(project));
        }

        public static string Stubs(ProjectSpec project)
        {
            var writer = Start();
            GlobalUsing(writer, project);
            OpenNamespace(writer, project);
            writer.Line("/// <summary>")
                .Line($"/// Typed access to the messaging project <c>{Identifiers.Xml(project.ProjectName)}</c>: a field per handler name, and")
                .Line("/// <c>Send…Async</c> and <c>Request…Async</c> extension methods on <see cref=\"global::Switchboard.IMessageSender\"/>.")
                .Line($"/// Register the project's handlers with <c>gateway.AddProject({project.ClassName}.Registry)</c>.")
                .Line("/// </summary>")
                .Line(GeneratedCode)
                .Line($"public static partial class {project.ClassName}")
                .Open()
                .Line($"/// <summary>The project name, <c>{Identifiers.Xml(project.ProjectName)}</c>.</summary>")
                .Line($"public const string ProjectName = {Identifiers.Literal(project.ProjectName)};");

            GroupMembers(writer, project);

            writer.Close();
            CloseNamespace(writer, project);
            return writer.ToString();
        }

        public static string Registry(ProjectSpec project)
        {
            var writer = Start();
            OpenNamespace(writer, project);
            writer.Line($"public static partial class {project.ClassName}")
                .Open()
                .Line("/// <summary>")
                .Line($"/// Every handler of project <c>{Identifiers.Xml(project.ProjectName)}</c> in this assembly, each with a direct invoker.")
                .Line($"/// Add it to a gateway with <c>gateway.AddProject({project.ClassName}.Registry)</c>: gateway handlers run there, client and")
                .Line("/// session handlers in every client and session of the project.")
                .Line("/// </summary>")
                .Line("public static global::Switchboard.IProjectRegistry Registry { get; } = new GeneratedRegistry();")
                .Line()
                .Line(GeneratedCode)
                .Line("private sealed class GeneratedRegistry : global::Switchboard.IProjectRegistry")
                .Open()
                .Line($"public string ProjectName => {Identifiers.Literal(project.ProjectName)};")
                .Line()
                .Line("public global::System.Collections.Generic.IReadOnlyList<global::Switchboard.HandlerDescriptor> Handlers { get; } =")
                .Indent()
                .Open("new global::Switchboard.HandlerDescriptor[]");

            foreach (var handler in project.Handlers)
            {
                Descriptor(writer, project, handler);
            }

            writer.Close("};")
                .Unindent()
                .Close()
                .Close();
            CloseNamespace(writer, project);
            return writer.ToString();
        }

        public static string Manifest(ProjectSpec project)
        {
            var writer = Start();
            writer.Line($"// What project {Identifiers.Xml(project.ProjectName)} declares, for other compilations and the analyzers.");
            foreach (var group in project.Groups)
            {
                writer.Line(
                    $"[assembly: global::Switchboard.MessageHandlerManifest({Identifiers.Literal(project.ProjectName)}, {Identifiers.Literal(group.Name)}, " +
                    $"{ScopeExpression(group.Scope)}, {TypeOf(group.Payload)}, {TypeOf(ManifestResponse(group))}" +
                    (group.IsDurable ? $", Delivery = {DurableMode})]" : ")]"));
            }

            return writer.ToString();
        }

        private static void Field(IndentedWriter writer, HandlerGroupSpec group)
        {
            writer.Line($"/// <summary>The handler <c>{Identifiers.Xml(group.Name)}</c>, declared in scope {Letters(group.Scope)} by {DeclaredBy(group)}.</summary>")
                .Line($"{Accessibility(group)} static readonly {RefType(group)} {group.MemberName} =")
                .Indent()
                .Line(group.IsDurable
                    ? $"new(ProjectName, {Identifiers.Literal(group.Name)}, {ScopeExpression(group.Scope)}, {DurableMode});"
                    : $"new(ProjectName, {Identifiers.Literal(group.Name)}, {ScopeExpression(group.Scope)});")
                .Unindent();
        }

        private static void SendStub(IndentedWriter writer, HandlerGroupSpec group)
        {
            var gatewayOnly = !OffersFilters(group);
            writer.Line("/// <summary>");
            if (group.IsDurable)
            {
                DurableSummary(writer, group);
            }
            else
            {
                writer.Line($"/// Sends to <c>{Identifiers.Xml(group.Name)}</c> fire-and-forget, with Ignition's <c>system.util.sendMessage</c> semantics:")
                    .Line("/// one result per selected system, <c>SENT</c> once the message is queued there (else the reason). Without a")
                    .Line($"/// <paramref name=\"scope\"/>, Ignition's default (CS with a user, role or host filter, else CGS) narrowed to {Letters(group.Scope)}.");
            }

            if (gatewayOnly)
            {
                NoFiltersNote(writer);
            }

            writer.Line("/// </summary>")
                .Line("/// <param name=\"sender\">Who sends: a gateway, client, session or designer.</param>");
            if (group.Payload is not null)
            {
                writer.Line("/// <param name=\"payload\">The payload.</param>");
            }

            writer.Line("/// <param name=\"scope\">Where to deliver; <see langword=\"null\"/> for the default.</param>");
            if (!gatewayOnly)
            {
                FilterParameterDocs(writer);
            }

            writer.Line(group.IsDurable
                    ? "/// <param name=\"remoteServers\">Gateway names whose durable streams get the message instead of the local gateway's.</param>"
                    : "/// <param name=\"remoteServers\">Gateway names to deliver to instead of the local gateway.</param>")
                .Line(group.IsDurable
                    ? "/// <param name=\"cancellationToken\">Cancels waiting for the durable queue; what was stored by then stays stored.</param>"
                    : "/// <param name=\"cancellationToken\">Cancels the send before anything is queued.</param>")
                .Line(group.IsDurable
                    ? "/// <returns>One <c>QUEUED</c> result per gateway the message was stored for.</returns>"
                    : "/// <returns>One result per system selected for delivery.</returns>");
            SendExceptions(writer, group);
            writer.Line($"{Accessibility(group)} static global::System.Threading.Tasks.ValueTask<global::Switchboard.DeliveryReport> Send{group.MemberName}Async(")
                .Indent()
                .Line("this global::Switchboard.IMessageSender sender,");
            if (group.Payload is not null)
            {
                writer.Line($"{group.Payload.Name} payload,");
            }

            writer.Line("global::Switchboard.Scope? scope = null,");
            if (!gatewayOnly)
            {
                FilterParameterList(writer);
            }

            var payload = group.Payload is null ? "" : "payload, ";
            writer.Line("global::System.Collections.Generic.IReadOnlyList<string>? remoteServers = null,")
                .Line("global::System.Threading.CancellationToken cancellationToken = default) =>")
                .Line(gatewayOnly
                    ? $"{group.MemberName}.SendAsync(sender, {payload}scope, remoteServers: remoteServers, cancellationToken: cancellationToken);"
                    : $"{group.MemberName}.SendAsync(sender, {payload}scope, clientSessionId, user, hasRole, hostName, remoteServers, cancellationToken);")
                .Unindent();
        }

        /// <summary>
        /// Whether the stubs of <paramref name="group"/> take the filters (<see cref="FilterParameters.Names"/>). Filters
        /// never narrow the gateway, so a name declared only there gets none: with them a send or request-all could only
        /// throw ArgumentException (no scope) or ignore them (Scope.Gateway).
        /// </summary>
        private static bool OffersFilters(HandlerGroupSpec group) => group.Scope != GatewayScope;

        /// <summary>The summary line of a stub without filters, saying why.</summary>
        private static void NoFiltersNote(IndentedWriter writer) =>
            writer.Line("/// The handler is declared only at the gateway, where the clientSessionId, user, hasRole and hostName filters")
                .Line("/// never apply, so this stub does not offer them.");

        /// <summary>The <c>ArgumentException</c> a stub documents: a bad scope, or a name it passes on that is too long.</summary>
        private static string ScopeOrNameException(bool filtered) =>
            "/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"scope\"/> is not a combination of Client, Gateway and Session, " +
            (filtered ? "or a filter or server name is longer than 1,024 characters.</exception>" : "or a server name is longer than 1,024 characters.</exception>");

        /// <summary>The XML docs of the filter parameters (<see cref="FilterParameters.Names"/>), for a stub that offers them.</summary>
        private static void FilterParameterDocs(IndentedWriter writer) =>
            writer.Line("/// <param name=\"clientSessionId\">Only the client or session with this session id.</param>")
                .Line("/// <param name=\"user\">Only clients and sessions where this user is logged in.</param>")
                .Line("/// <param name=\"hasRole\">Only clients and sessions whose user has this role.</param>")
                .Line("/// <param name=\"hostName\">Only clients and sessions on this host.</param>");

        /// <summary>The filter parameters, optional, in the order the runtime's sends take them.</summary>
        private static void FilterParameterList(IndentedWriter writer)
        {
            foreach (var name in FilterParameters.Names)
            {
                writer.Line($"string? {name} = null,");
            }
        }

        /// <summary>The send stub's summary for a durable handler: where the message goes and what the result says.</summary>
        private static void DurableSummary(IndentedWriter writer, HandlerGroupSpec group)
        {
            writer.Line($"/// Sends to <c>{Identifiers.Xml(group.Name)}</c> in durable mode (at least once), because its handler is declared")
                .Line("/// <c>Delivery = DeliveryMode.Durable</c>: the message is stored in the sender's gateway's durable queue for each gateway")
                .Line("/// in <paramref name=\"remoteServers\"/> (else for the local gateway), and runs there when that gateway reads it, even")
                .Line("/// after a restart or a crash; each message id runs once. Every result is <c>QUEUED</c>")
                .Line("/// (<see cref=\"global::Switchboard.DeliveryStatus.Queued\"/>), not <c>SENT</c>.");
        }

        /// <summary>What a send stub can throw, as far as its handler name's declarations let it.</summary>
        private static void SendExceptions(IndentedWriter writer, HandlerGroupSpec group)
        {
            writer.Line(NullArgumentException(group))
                .Line(ScopeOrNameException(OffersFilters(group)));
            PayloadConversionException(writer, group);
            writer.Line(group.IsDurable
                    ? "/// <exception cref=\"global::System.InvalidOperationException\">The sender is a read-only designer or a remote client, or its gateway has no durable queue.</exception>"
                    : ReadOnlyDesignerException)
                .Line(DisposedException)
                .Line(CancelledException);
        }

        // The exception lines every stub kind shares, written once.
        private const string ReadOnlyDesignerException = "/// <exception cref=\"global::System.InvalidOperationException\">The sender is a read-only designer.</exception>";
        private const string DisposedException = "/// <exception cref=\"global::System.ObjectDisposedException\">The sender or its gateway has been closed.</exception>";
        private const string CancelledException = "/// <exception cref=\"global::System.OperationCanceledException\"><paramref name=\"cancellationToken\"/> was cancelled.</exception>";

        private static string NullArgumentException(HandlerGroupSpec group) =>
            group.Payload is null
                ? "/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"sender\"/> is <see langword=\"null\"/>.</exception>"
                : "/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"sender\"/> or <paramref name=\"payload\"/> is <see langword=\"null\"/>.</exception>";

        /// <summary>Only a stub whose payload is <c>object</c> (declarations with different payload types) converts at run time.</summary>
        private static void PayloadConversionException(IndentedWriter writer, HandlerGroupSpec group)
        {
            if (group.Payload == TypeSpec.Object)
            {
                writer.Line("/// <exception cref=\"global::Switchboard.PayloadConversionException\">A selected declaration takes another payload type, and the payload cannot be converted to it.</exception>");
            }
        }

        private static void RequestStub(IndentedWriter writer, HandlerGroupSpec group)
        {
            writer.Line("/// <summary>")
                .Line($"/// Ignition's <c>system.util.sendRequest</c>: calls the gateway handler <c>{Identifiers.Xml(group.Name)}</c> and returns its value.")
                .Line("/// </summary>")
                .Line("/// <param name=\"sender\">Who asks: a gateway, client, session or designer.</param>");
            if (group.Payload is not null)
            {
                writer.Line("/// <param name=\"payload\">The payload.</param>");
            }

            writer.Line("/// <param name=\"remoteServer\">A remote gateway to ask instead of the local one.</param>")
                .Line("/// <param name=\"timeout\">How long to wait; the gateway's default (60 s) when <see langword=\"null\"/>.</param>")
                .Line("/// <param name=\"cancellationToken\">Cancels the wait and signals the handler.</param>")
                .Line("/// <returns>The handler's return value.</returns>")
                .Line(NullArgumentException(group))
                .Line("/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"remoteServer\"/> is longer than 1,024 characters.</exception>")
                .Line("/// <exception cref=\"global::Switchboard.MessageHandlerNotFoundException\">The gateway asked has no handler of that name in the project.</exception>")
                .Line("/// <exception cref=\"global::Switchboard.MessageDeniedException\">The sender lacks the handler's required role.</exception>")
                .Line("/// <exception cref=\"global::Switchboard.MessageHandlerFailedException\">The handler threw; the inner exception is the handler's.</exception>")
                .Line("/// <exception cref=\"global::Switchboard.MessageQueueFullException\">The handler's queue is full.</exception>")
                .Line("/// <exception cref=\"global::Switchboard.RequestTimeoutException\">No response within the timeout.</exception>")
                .Line(DisposedException)
                .Line("/// <exception cref=\"global::Switchboard.GatewayUnreachableException\"><paramref name=\"remoteServer\"/> is unknown or not running.</exception>")
                .Line(CancelledException)
                .Line($"{Accessibility(group)} static global::System.Threading.Tasks.Task<{group.Response!.Name}> Request{group.MemberName}Async(")
                .Indent()
                .Line("this global::Switchboard.IMessageSender sender,");
            if (group.Payload is not null)
            {
                writer.Line($"{group.Payload.Name} payload,");
            }

            writer.Line("string? remoteServer = null,")
                .Line("global::System.TimeSpan? timeout = null,")
                .Line("global::System.Threading.CancellationToken cancellationToken = default) =>")
                .Line($"{group.MemberName}.RequestAsync(sender, {(group.Payload is null ? "" : "payload, ")}remoteServer, timeout, cancellationToken);")
                .Unindent();
        }

        private static void Descriptor(IndentedWriter writer, ProjectSpec project, HandlerSpec handler)
        {
            var name = Identifiers.Literal(handler.Name);
            var projectName = Identifiers.Literal(project.ProjectName);
            writer.Line($"// {handler.Declaration}")
                .Open("new global::Switchboard.HandlerDescriptor")
                .Line($"Project = {projectName},")
                .Line($"Name = {name},")
                .Line($"Scope = {ScopeExpression(handler.Scope)},");
            if (handler.Payload is not null)
            {
                writer.Line($"PayloadType = typeof({handler.Payload.TypeOfName}),");
                writer.Line(handler.PayloadKind == PayloadKind.Dictionary
                    ? $"PayloadAdapter = global::Switchboard.PayloadJson.ToDictionary({projectName}, {name}),"
                    : $"PayloadAdapter = global::Switchboard.PayloadJson.ToPayload<{handler.Payload.Name}>({projectName}, {name}),");
            }

            if (handler.Response is not null)
            {
                writer.Line($"ResponseType = typeof({handler.Response.TypeOfName}),");
            }

            if (handler.Threading != 0)
            {
                writer.Line($"Threading = global::Switchboard.HandlerThreading.{ThreadingName(handler.Threading)},");
            }

            if (handler.RequiredRole is not null)
            {
                writer.Line($"RequiredRole = {Identifiers.Literal(handler.RequiredRole)},");
            }

            if (handler.IsDurable)
            {
                writer.Line($"Delivery = {DurableMode},");
            }

            Invoker(writer, projectName, name, handler);
            writer.Close("},");
        }

        private static void Invoker(IndentedWriter writer, string project, string name, HandlerSpec handler)
        {
            writer.Line("Invoker = static (payload, context, cancellationToken) =>");
            var receiver = handler.Instance == InstanceKind.Static ? handler.ContainingType : "handler";
            var call = $"{receiver}.{handler.MethodName}({Arguments(handler)})";
            var result = handler.Return switch
            {
                ReturnKind.Void => null,
                ReturnKind.Task or ReturnKind.TaskOfValue => $"global::Switchboard.HandlerResults.FromTask({call})",
                ReturnKind.ValueTask or ReturnKind.ValueTaskOfValue => $"global::Switchboard.HandlerResults.FromValueTask({call})",
                _ => $"global::Switchboard.HandlerResults.FromValue({call})",
            };
            if (result is not null && handler.Instance == InstanceKind.Static)
            {
                writer.Indent().Line(result + ",").Unindent();
                return;
            }

            writer.Open();
            Instance(writer, project, name, handler);
            if (result is null)
            {
                writer.Line(call + ";").Line("return global::Switchboard.HandlerResults.None;");
            }
            else
            {
                writer.Line($"return {result};");
            }

            writer.Close("},");
        }

        /// <summary>Declares <c>handler</c>, the instance of the declaring class that serves this delivery, for instance handlers.</summary>
        private static void Instance(IndentedWriter writer, string project, string name, HandlerSpec handler)
        {
            var type = handler.ContainingType;
            switch (handler.Instance)
            {
                case InstanceKind.Constructor:
                    writer.Line($"var handler = context.GetHandlerInstance<{type}>(static _ => new {type}());");
                    break;
                case InstanceKind.Services:
                    // Resolved per message from the delivery's own scope, so DI lifetimes mean what they say.
                    writer.Line($"var handler = global::Switchboard.HandlerInstances.FromServices<{type}>(context.Services, {project}, {name});");
                    break;
            }
        }

        private static string Arguments(HandlerSpec handler)
        {
            var arguments = new List<string>(handler.Arguments.Count);
            foreach (var argument in handler.Arguments)
            {
                arguments.Add(argument switch
                {
                    ArgumentKind.Payload => $"({handler.Payload!.Name})payload!",
                    ArgumentKind.Context => "context",
                    ArgumentKind.Session => "context.Session!",
                    ArgumentKind.Client => "context.Client!",
                    _ => "cancellationToken",
                });
            }

            return string.Join(", ", arguments);
        }

        private static string RefType(HandlerGroupSpec group) => (group.Payload, group.Response) switch
        {
            (null, null) => "global::Switchboard.MessageHandlerRef",
            ({ } payload, null) => $"global::Switchboard.MessageHandlerRef<{payload.Name}>",
            (null, { } response) => $"global::Switchboard.RequestHandlerRef<{response.Name}>",
            ({ } payload, { } response) => $"global::Switchboard.RequestHandlerRef<{payload.Name}, {response.Name}>",
        };

        private static string Accessibility(HandlerGroupSpec group) => group.IsPublic ? "public" : "internal";

        private static string DeclaredBy(HandlerGroupSpec group)
        {
            var names = new List<string>(group.Declarations.Count);
            foreach (var declaration in group.Declarations)
            {
                names.Add($"<c>{Identifiers.Xml(declaration.Replace("global::", ""))}</c>");
            }

            return string.Join(", ", names);
        }

        private static string TypeOf(TypeSpec? type) => type is null ? "null" : $"typeof({type.TypeOfName})";

        private static string ScopeExpression(int scope)
        {
            var flags = new List<string>(3);
            if ((scope & 1) != 0)
            {
                flags.Add("global::Switchboard.Scope.Client");
            }

            if ((scope & 2) != 0)
            {
                flags.Add("global::Switchboard.Scope.Gateway");
            }

            if ((scope & 4) != 0)
            {
                flags.Add("global::Switchboard.Scope.Session");
            }

            return string.Join(" | ", flags);
        }

        /// <summary><c>Scope.Gateway</c>'s value.</summary>
        private const int GatewayScope = 2;
        private const string DurableMode = "global::Switchboard.DeliveryMode.Durable";

        private static string Letters(int scope) =>
            ((scope & 1) != 0 ? "C" : "") + ((scope & 2) != 0 ? "G" : "") + ((scope & 4) != 0 ? "S" : "");

        private static string ThreadingName(int threading) => Switchboard.Analyzers.Handlers.HandlerThreadings.Names[threading];

        private static IndentedWriter Start() => GeneratedFile.Start().Line(ObsoletePragma).Line();

        // Top-level statements live in the global namespace and other code may live outside the root namespace: the
        // global using makes the class and its extension stubs reachable from every file of the assembly as written.
        private static void GlobalUsing(IndentedWriter writer, ProjectSpec project)
        {
            if (project.Namespace.Length > 0)
            {
                writer.Line($"global using global::{project.Namespace};").Line();
            }
        }

        private static void OpenNamespace(IndentedWriter writer, ProjectSpec project)
        {
            if (project.Namespace.Length > 0)
            {
                writer.Line($"namespace {project.Namespace}").Open();
            }
        }

        private static void CloseNamespace(IndentedWriter writer, ProjectSpec project)
        {
            if (project.Namespace.Length > 0)
            {
                writer.Close();
            }
        }

        private static void Add(SourceProductionContext output, string hintName, string text) =>
            output.AddSource(hintName, SourceText.From(text, Encoding.UTF8));
    }
}
