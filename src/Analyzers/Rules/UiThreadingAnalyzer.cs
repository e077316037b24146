using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;

namespace Switchboard.Analyzers.Rules;

/// <summary>SWB0013: <c>Threading = HandlerThreading.UI</c> on a handler that is not only a client handler.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class UiThreadingAnalyzer() : ThreadingOutsideItsScopeAnalyzer(HandlerThreadings.UI, ScopeFlags.Client, DiagnosticDescriptors.UiThreadingOutsideClient);
