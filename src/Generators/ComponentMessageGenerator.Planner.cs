using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Switchboard.Generators.Model;
using Switchboard.Generators.Text;

namespace Switchboard.Generators;

public sealed partial class ComponentMessageGenerator
{
    internal static class Planner
    {
        /// <summary>Groups the handlers by message type; a stub's payload is typed only when every handler of that type takes the same one.</summary>
        public static ComponentMessagesSpec Plan(ImmutableArray<EquatableArray<ComponentHandlerSpec>> methods, string ns, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var messages = methods
                .SelectMany(method => method)
                .GroupBy(handler => handler.MessageType, System.StringComparer.Ordinal)
                .OrderBy(group => group.Key, System.StringComparer.Ordinal)
                .Select(group =>
                {
                    var handlers = group.OrderBy(handler => handler.Method, System.StringComparer.Ordinal).ToImmutableArray();
                    var payloads = handlers.Select(handler => handler.PayloadType).Where(type => type is not null).Distinct().ToList();
                    var all = handlers.Aggregate(0, (scopes, handler) => scopes | handler.Scopes);
                    // Page is Perspective's default; otherwise the narrowest scope some handler listens on.
                    var defaultScope = (all & 2) != 0 ? 2 : (all & 1) != 0 ? 1 : 4;
                    return new ComponentMessageSpec(
                        group.Key,
                        Identifiers.ToPascalCase(group.Key, "Message"),
                        payloads.Count == 1 ? payloads[0] : null,
                        defaultScope,
                        new EquatableArray<ComponentHandlerSpec>(handlers));
                })
                .ToImmutableArray();
            return new ComponentMessagesSpec(ns, new EquatableArray<ComponentMessageSpec>(messages));
        }
    }
}
