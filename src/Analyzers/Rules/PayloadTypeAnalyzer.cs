using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Payloads;
using Switchboard.Analyzers.Sends;
using Switchboard.Analyzers.Handlers;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0017: a payload on a string-based send whose static type can never become the payload type of a handler it
/// reaches: it is no instance of that type, and the JSON it is written as is never what that type reads (a string sent
/// to a handler that takes a record). An absent or null payload is an empty dictionary, so it counts as a JSON object.
/// Component message sends too, against the component handlers of their message type.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class PayloadTypeAnalyzer : SendAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.PayloadTypeMismatch);

    protected override void AnalyzeSend(OperationAnalysisContext context, SendCall call, CompilationFacts facts)
    {
        if (call.Payload is not { } payload
            || RuntimeTypes.StaticType(payload.Value) is not { } sent
            || SendTarget.Resolve(call, facts.Index) is not { Handlers.IsEmpty: false } target)
        {
            return;
        }

        // Cheapest test first: the JSON the static type is written as. Only where it never fits what a handler reads
        // are the instance test (a conversion lookup) and the nullability of the expression worth asking for.
        var writtenByType = Absent(JsonShapes.Written(sent, facts.Symbols));
        JsonKinds? written = null;
        foreach (var handler in target.PayloadsReached(call))
        {
            var payloadType = handler.PayloadType!;
            var read = JsonShapes.Read(payloadType, member: null, facts.Symbols) & ~JsonKinds.Null;
            if ((writtenByType & read) != 0 || RuntimeTypes.MayBeInstanceOf(context.Compilation, sent, payloadType))
            {
                continue;
            }

            // The runtime sends an empty dictionary for a null payload.
            written ??= Absent(RuntimeTypes.Written(payload.Value, facts.Symbols, context.CancellationToken));
            if ((written.Value & read) != 0)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.PayloadTypeMismatch,
                payload.Value.Syntax.GetLocation(),
                $"A '{Display(sent)}' payload can never become '{Display(payloadType)}', the payload of handler '{target.HandlerName}' in project '{target.ProjectName}': "
                + $"it is written as {JsonKindText.Describe(written.Value)}, and '{Display(payloadType)}' is read from {JsonKindText.Describe(read)}; send a '{Display(payloadType)}' instead"));
        }
    }

    private static JsonKinds Absent(JsonKinds written) =>
        (written & JsonKinds.Null) != 0 ? (written & ~JsonKinds.Null) | JsonKinds.Object : written;

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    protected override bool ChecksComponentSends => true;

    // A component send's payload that can never become a reached component handler's payload type.
    protected override void AnalyzeComponentSend(OperationAnalysisContext context, ComponentSendCall call, ComponentFacts components, CompilationFacts facts) =>
        ComponentSendChecks.PayloadTypeMismatch(context, call, components, facts.Symbols);
}
