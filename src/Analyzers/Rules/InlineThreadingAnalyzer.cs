using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;

namespace Switchboard.Analyzers.Rules;

/// <summary>SWB0022: <c>Threading = HandlerThreading.Inline</c> on a handler that is not only a gateway handler.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class InlineThreadingAnalyzer() : ThreadingOutsideItsScopeAnalyzer(HandlerThreadings.Inline, ScopeFlags.Gateway, DiagnosticDescriptors.InlineThreadingOutsideGateway);
