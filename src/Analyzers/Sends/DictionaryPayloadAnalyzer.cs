using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;

namespace Switchboard.Analyzers.Sends;

/// <summary>
/// The frame of the rules that check a dictionary literal payload against the typed payloads it reaches: find the
/// literal and the handler, then hand over each distinct payload type whose members can be listed; for a component
/// message send, the payloads of the component handlers it reaches (<see cref="ComponentPayloads"/>), which are read
/// with other JSON options.
/// </summary>
internal abstract class DictionaryPayloadAnalyzer : SendAnalyzer
{
    protected sealed override void AnalyzeSend(OperationAnalysisContext context, SendCall call, CompilationFacts facts)
    {
        if (call.Payload is null
            || DictionaryLiteral.TryRead(call.Payload.Value) is not { } literal
            || SendTarget.Resolve(call, facts.Index) is not { Handlers.IsEmpty: false } target)
        {
            return;
        }

        foreach (var handler in target.PayloadsReached(call))
        {
            if (facts.PayloadMembersOf(handler.PayloadType!) is { } members)
            {
                AnalyzeDictionary(context, literal, target, members, facts);
            }
        }

        foreach (var manifestPayload in target.ManifestShapesReached(call))
        {
            if (PayloadMembers.FromManifest(manifestPayload) is { } recorded)
            {
                AnalyzeDictionary(context, literal, target, recorded, facts);
            }
        }
    }

    protected sealed override bool ChecksComponentSends => true;

    protected sealed override void AnalyzeComponentSend(OperationAnalysisContext context, ComponentSendCall call, ComponentFacts components, CompilationFacts facts)
    {
        if (call.Payload is not null
            && DictionaryLiteral.TryRead(call.Payload.Value) is { } literal
            && ComponentPayloads.TryRead(call, components, facts) is { } payloads)
        {
            AnalyzeComponentDictionary(context, literal, payloads, facts);
        }
    }

    protected abstract void AnalyzeDictionary(
        OperationAnalysisContext context, DictionaryLiteral literal, SendTarget target, PayloadMembers members, CompilationFacts facts);

    /// <summary>Checks a dictionary sent as a component message's payload, as <c>JsonSerializerDefaults.Web</c> converts it.</summary>
    protected abstract void AnalyzeComponentDictionary(
        OperationAnalysisContext context, DictionaryLiteral literal, ComponentPayloads payloads, CompilationFacts facts);
}
