using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;
using Switchboard.Analyzers.Sends;
using Switchboard.Analyzers.Text;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0003: a constant scope that the runtime rejects (empty string, unknown or repeated letter, bad Scope value) on a
/// send or passed to any parameter marked <c>[ScopeLetters]</c> (<c>ScopeCode.Parse("CGX")</c>), or a
/// <c>[MessageHandler]</c> scope outside 1 to 7, which makes the generator skip the handler. One rule for all, so it
/// checks invocations and declarations itself rather than through the send or declaration frames. Component messages
/// too: <c>[ComponentMessageHandler]</c> listen scopes outside 1 to 7, and a component send whose constant scope is not
/// exactly one scope, or is View with no view name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class InvalidScopeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvalidScope);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (CompilationFacts.TryCreate(start.Compilation, start.Options) is not { } facts)
            {
                return;
            }

            var components = facts.Components;
            start.RegisterOperationAction(
                operation =>
                {
                    var invocation = (IInvocationOperation)operation.Operation;
                    if (components is not null && ComponentSendCall.TryRead(invocation, components) is { } componentSend)
                    {
                        ComponentSendChecks.InvalidScope(operation, componentSend);
                    }

                    var call = facts.Send(invocation);
                    if (call is not null)
                    {
                        AnalyzeSend(operation, call);
                    }

                    AnalyzeScopeLetterArguments(operation, invocation.Arguments, call?.Scope, facts.Symbols);
                },
                OperationKind.Invocation);
            start.RegisterOperationAction(
                operation => AnalyzeScopeLetterArguments(operation, ((IObjectCreationOperation)operation.Operation).Arguments, sendScope: null, facts.Symbols),
                OperationKind.ObjectCreation);
            start.RegisterSymbolAction(
                symbol =>
                {
                    if (facts.Declaration((IMethodSymbol)symbol.Symbol) is { } declaration)
                    {
                        AnalyzeDeclaration(symbol, declaration);
                    }

                    if (components is not null)
                    {
                        ComponentHandlerChecks.InvalidScopes((IMethodSymbol)symbol.Symbol, components, symbol.ReportDiagnostic, symbol.CancellationToken);
                    }
                },
                SymbolKind.Method);
        });
    }

    private static void AnalyzeDeclaration(SymbolAnalysisContext context, HandlerDeclaration declaration)
    {
        if (ScopeText.IsValid(declaration.Scope))
        {
            return;
        }

        var name = declaration.HasUsableName ? declaration.Name : declaration.Method.Name;
        var error = $"Handler '{name}' has the scope value {(int)declaration.Scope}, which is not a non-empty combination of "
            + "Scope.Client, Scope.Gateway and Scope.Session (1 to 7), so the generator skips it and no message ever reaches it; "
            + "use Scope.Gateway, Scope.Client, Scope.Session or a combination such as Scope.Client | Scope.Session";
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.InvalidScope,
            declaration.ScopeLocation(context.CancellationToken) ?? declaration.NameLocation(context.CancellationToken),
            error));
    }

    private static void AnalyzeSend(OperationAnalysisContext context, SendCall call)
    {
        if (call.Scope is not { } argument || SendCall.ConstantOf(argument.Value) is not { HasValue: true } constant)
        {
            return;
        }

        if (call.ScopeIsString)
        {
            AnalyzeLetters(context, argument.Value, constant.Value as string, nullMeansDefault: true);
        }
        else if (constant.Value is int value && !ScopeText.IsValid((ScopeFlags)value))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InvalidScope,
                argument.Value.Syntax.GetLocation(),
                $"The scope value {value} is not a non-empty combination of Scope.Client, Scope.Gateway and Scope.Session"));
        }
    }

    /// <summary>
    /// Constant strings passed to <c>[ScopeLetters]</c> parameters, except the send's own scope (checked above). A null
    /// constant is left to nullable analysis: it is no scope letters, and the parameter says whether it may be null.
    /// </summary>
    private static void AnalyzeScopeLetterArguments(
        OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, IArgumentOperation? sendScope, SwitchboardSymbols symbols)
    {
        if (symbols.ScopeLettersAttribute is not { } attribute)
        {
            return;
        }

        foreach (var argument in arguments)
        {
            // Constant strings first: most arguments are not, and those skip the attribute lookup.
            if (argument.ArgumentKind != ArgumentKind.Explicit
                || ReferenceEquals(argument, sendScope)
                || argument.Parameter is not { Type.SpecialType: SpecialType.System_String } parameter
                || SendCall.ConstantOf(argument.Value) is not { HasValue: true, Value: string letters }
                || !HasAttribute(parameter, attribute))
            {
                continue;
            }

            AnalyzeLetters(context, argument.Value, letters, nullMeansDefault: parameter.NullableAnnotation == NullableAnnotation.Annotated);
        }
    }

    /// <summary>Reports <paramref name="letters"/> unless valid; the fix writes its known letters, or null where null means the default.</summary>
    private static void AnalyzeLetters(OperationAnalysisContext context, IOperation scope, string? letters, bool nullMeansDefault)
    {
        if (ScopeText.TryParse(letters, out _, out var error))
        {
            return;
        }

        var replacement = ScopeText.Correct(letters);
        var properties = replacement.Length == 0 && !nullMeansDefault
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.ReplacementScope, replacement)
                .Add(DiagnosticProperties.ScopeKind, DiagnosticProperties.StringScope);
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidScope, scope.Syntax.GetLocation(), properties, error));
    }

    private static bool HasAttribute(IParameterSymbol parameter, INamedTypeSymbol attribute)
    {
        foreach (var candidate in parameter.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }
}
