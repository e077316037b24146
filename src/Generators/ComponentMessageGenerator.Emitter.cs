using System.Linq;
using Microsoft.CodeAnalysis;
using Switchboard.Analyzers;
using Switchboard.Generators.Model;
using Switchboard.Generators.Text;

namespace Switchboard.Generators;

public sealed partial class ComponentMessageGenerator
{
    internal static class Emitter
    {
        private const string BrowserSession = "global::Switchboard.AspNetCore.BrowserSession";
        private const string ListenScope = "global::Switchboard.AspNetCore.ListenScope";

        public static void Emit(SourceProductionContext output, ComponentMessagesSpec spec)
        {
            if (spec.Messages.Count == 0)
            {
                return;
            }

            var writer = GeneratedFile.Start().Line();
            var hasNamespace = spec.Namespace.Length > 0;
            if (hasNamespace)
            {
                writer.Open($"namespace {spec.Namespace}");
            }

            writer
                .Line("/// <summary>")
                .Line("/// Typed sends to this assembly's component message handlers (<c>[ComponentMessageHandler]</c>): a constant")
                .Line("/// per message type, and <c>Send…Async</c> extension methods on a circuit's <c>BrowserSession</c> and on its")
                .Line("/// <c>Session</c> (for session handlers: gateway to component in one call).")
                .Line("/// </summary>")
                .Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratedBy.Tool}\", \"0.1.0.0\")]")
                .Open("public static partial class ComponentMessages");
            var first = true;
            foreach (var message in spec.Messages)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                EmitMessage(writer, message);
            }

            writer.Close();
            if (hasNamespace)
            {
                writer.Close();
            }

            output.AddSource("ComponentMessages.g.cs", writer.ToString());
        }

        private static void EmitMessage(IndentedWriter writer, ComponentMessageSpec message)
        {
            var handlers = string.Join(", ", message.Handlers.Select(handler => $"<c>{Identifiers.Xml(handler.Method)}</c> ({ScopeNames(handler.Scopes)})"));
            var payload = message.PayloadType ?? "object?";
            var name = message.Identifier;
            var scope = $"{ListenScope}.{ScopeNames(message.DefaultScope)}";
            writer
                .Line($"/// <summary>The component message <c>{Identifiers.Xml(message.MessageType)}</c>, handled by {handlers}.</summary>")
                .Line($"public const string {name} = {Identifiers.Literal(message.MessageType)};")
                .Line()
                .Line($"/// <summary>Sends <c>{Identifiers.Xml(message.MessageType)}</c> within this browser session; see <c>BrowserSession.SendComponentMessageAsync</c>.</summary>")
                .Line("/// <param name=\"browser\">The circuit's browser session.</param>")
                .Line("/// <param name=\"payload\">The payload.</param>")
                .Line("/// <param name=\"scope\">One scope: view, page or session.</param>")
                .Line("/// <param name=\"pageId\">The page, for page and view scope; the current page when <see langword=\"null\"/>.</param>")
                .Line("/// <param name=\"viewName\">The view, for view scope.</param>")
                .Line("/// <param name=\"cancellationToken\">Cancels waiting for the handlers.</param>")
                .Line("/// <returns>How many handlers ran.</returns>")
                .Line($"public static global::System.Threading.Tasks.ValueTask<int> Send{name}ToComponentsAsync(")
                .Indent()
                .Line($"this {BrowserSession} browser,")
                .Line($"{payload} payload,")
                .Line($"{ListenScope} scope = {scope},")
                .Line("string? pageId = null,")
                .Line("string? viewName = null,")
                .Line("global::System.Threading.CancellationToken cancellationToken = default) =>")
                .Line($"browser.SendComponentMessageAsync({name}, payload, scope, pageId, viewName, cancellationToken);")
                .Unindent()
                .Line()
                .Line($"/// <summary>Sends <c>{Identifiers.Xml(message.MessageType)}</c> to the components of a browser session, from a session handler for example.</summary>")
                .Line("/// <param name=\"session\">A session opened for a Blazor circuit.</param>")
                .Line("/// <param name=\"payload\">The payload.</param>")
                .Line("/// <param name=\"scope\">One scope; the whole session by default.</param>")
                .Line("/// <param name=\"cancellationToken\">Cancels waiting for the handlers.</param>")
                .Line("/// <returns>How many handlers ran.</returns>")
                .Line($"public static global::System.Threading.Tasks.ValueTask<int> Send{name}ToComponentsAsync(")
                .Indent()
                .Line("this global::Switchboard.Session session,")
                .Line($"{payload} payload,")
                .Line($"{ListenScope} scope = {ListenScope}.Session,")
                .Line("global::System.Threading.CancellationToken cancellationToken = default) =>")
                .Line($"global::Switchboard.AspNetCore.SessionComponentExtensions.SendComponentMessageAsync(session, {name}, payload, scope, cancellationToken);")
                .Unindent();
        }

        private static string ScopeNames(int scopes) =>
            string.Join(" | ", new[] { (1, "View"), (2, "Page"), (4, "Session") }.Where(scope => (scopes & scope.Item1) != 0).Select(scope => scope.Item2));
    }
}
