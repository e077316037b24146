using Switchboard.Generators.Model;
using Switchboard.Generators.Text;

namespace Switchboard.Generators;

public sealed partial class MessageHandlerGenerator
{
    internal static partial class Emitter
    {
        /// <summary>
        /// <c>Request…AllAsync</c> and <c>Request…AllStreamAsync</c>: scatter-gather to every target the selection
        /// reaches, for a name that some declaration answers (returns a value). Both call
        /// <c>global::Switchboard.RequestAllStubs</c>, which narrows the default scope to where the handler answers.
        /// </summary>
        private static void RequestAllStubs(IndentedWriter writer, HandlerGroupSpec group)
        {
            if (group.AllResponse is null)
            {
                return;
            }

            writer.Line();
            RequestAllStub(writer, group, streaming: false);
            writer.Line();
            RequestAllStub(writer, group, streaming: true);
        }

        /// <summary>
        /// The manifest's response type: the gateway declaration's (what a request gets), and for a name no gateway
        /// declares, what its declarations answer a request-all with, so that the analyzers of other compilations know
        /// that it answers.
        /// </summary>
        private static TypeSpec? ManifestResponse(HandlerGroupSpec group) => (group.Scope & 2) != 0 ? group.Response : group.AllResponse;

        private static void RequestAllStub(IndentedWriter writer, HandlerGroupSpec group, bool streaming)
        {
            var response = group.AllResponse!.Name;
            var answering = Letters(group.AnsweringScope);

            // A name also declared in clients or sessions keeps the filters even where only the gateway answers: an
            // explicit scope may ask those handlers.
            var filtered = OffersFilters(group);
            writer.Line("/// <summary>");
            if (streaming)
            {
                writer.Line($"/// Asks <c>{Identifiers.Xml(group.Name)}</c> in every selected target and yields each result as it arrives. Without a")
                    .Line($"/// <paramref name=\"scope\"/>, Ignition's default narrowed to {answering}, where it answers.");
            }
            else
            {
                writer.Line($"/// Asks <c>{Identifiers.Xml(group.Name)}</c> in every selected target and gathers one result per target, returning when")
                    .Line($"/// all have answered or the timeout passed. Without a <paramref name=\"scope\"/>, Ignition's default narrowed to {answering}, where it answers.");
            }

            if (!filtered)
            {
                NoFiltersNote(writer);
            }

            writer.Line("/// </summary>")
                .Line("/// <param name=\"sender\">Who asks: a gateway, client, session or designer.</param>");
            if (group.Payload is not null)
            {
                writer.Line("/// <param name=\"payload\">The payload.</param>");
            }

            writer.Line("/// <param name=\"scope\">Where to ask; <see langword=\"null\"/> for the default.</param>");
            if (filtered)
            {
                FilterParameterDocs(writer);
            }

            writer.Line("/// <param name=\"remoteServers\">Gateway names to ask instead of the local gateway.</param>")
                .Line("/// <param name=\"timeout\">How long to wait for every answer; the gateway's default (60 s) when <see langword=\"null\"/>.</param>")
                .Line("/// <param name=\"cancellationToken\">Stops waiting and signals the handlers still running.</param>")
                .Line(streaming ? "/// <returns>The results as they arrive, one per selected target.</returns>" : "/// <returns>One result per selected target.</returns>");
            RequestAllExceptions(writer, group, streaming, filtered);
            writer.Line(streaming
                    ? $"{Accessibility(group)} static global::System.Collections.Generic.IAsyncEnumerable<global::Switchboard.RequestAllResult<{response}>> Request{group.MemberName}AllStreamAsync("
                    : $"{Accessibility(group)} static global::System.Threading.Tasks.ValueTask<global::Switchboard.RequestAllReport<{response}>> Request{group.MemberName}AllAsync(")
                .Indent()
                .Line("this global::Switchboard.IMessageSender sender,");
            if (group.Payload is not null)
            {
                writer.Line($"{group.Payload.Name} payload,");
            }

            writer.Line("global::Switchboard.Scope? scope = null,");
            if (filtered)
            {
                FilterParameterList(writer);
            }

            var filters = filtered ? "clientSessionId, user, hasRole, hostName" : "clientSessionId: null, user: null, hasRole: null, hostName: null";
            writer.Line("global::System.Collections.Generic.IReadOnlyList<string>? remoteServers = null,")
                .Line("global::System.TimeSpan? timeout = null,")
                .Line("global::System.Threading.CancellationToken cancellationToken = default) =>")
                .Line($"global::Switchboard.RequestAllStubs.{(streaming ? "RequestAllStreamAsync" : "RequestAllAsync")}<{response}>(")
                .Indent()
                .Line($"sender, {group.MemberName}, {ScopeExpression(group.AnsweringScope)}, {(group.Payload is null ? "payload: null" : "global::Switchboard.RequestAllStubs.Payload(payload)")}, scope, {filters}, remoteServers, timeout, cancellationToken);")
                .Unindent()
                .Unindent();
        }

        /// <summary>What a request-all stub throws; every target's own failure is a result, not an exception.</summary>
        private static void RequestAllExceptions(IndentedWriter writer, HandlerGroupSpec group, bool streaming, bool filtered)
        {
            writer.Line(NullArgumentException(group))
                .Line(filtered && group.AnsweringScope == GatewayScope
                    ? "/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"scope\"/> is not a combination of Client, Gateway and Session, a filter or server name is longer than 1,024 characters, or a user, hasRole or hostName filter is given without a scope (only the gateway answers, and filters never apply there).</exception>"
                    : ScopeOrNameException(filtered))
                .Line(streaming
                    ? "/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"timeout\"/> is neither positive nor infinite (when the enumeration begins).</exception>"
                    : "/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"timeout\"/> is neither positive nor infinite.</exception>");
            PayloadConversionException(writer, group);
            writer.Line(ReadOnlyDesignerException)
                .Line(DisposedException)
                .Line(CancelledException);
        }
    }
}
