using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Switchboard.Analyzers.Handlers;
using Switchboard.Analyzers.Model;

namespace Switchboard.Analyzers.Rules;

/// <summary>
/// SWB0007: a handler that the generated registry cannot call: not an ordinary method (local function, lambda,
/// accessor, explicit interface implementation), generic, in a generic type, inaccessible from another class of the
/// assembly, in a file-local type, an instance method of anything but a concrete class, or with a payload or response
/// type that generated code cannot name (private, protected or file-local, or inside such a type). Also a
/// <c>[ComponentMessageHandler]</c> method that its component never calls (static, generic, local, not on a
/// <c>MessagingComponentBase</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class UncallableHandlerAnalyzer : HandlerDeclarationAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UncallableHandler);

    /// <summary>Whether the method or a type around it has type parameters.</summary>
    public static bool IsGeneric(IMethodSymbol method)
    {
        if (method.IsGenericMethod)
        {
            return true;
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }

    protected override void AnalyzeHandler(SymbolAnalysisContext context, HandlerDeclaration declaration, CompilationFacts facts) =>
        Report(context.ReportDiagnostic, declaration);

    // Local functions and lambdas are not members, so the symbol action never sees them.
    protected override ImmutableArray<OperationKind> ExtraOperationKinds { get; } =
        ImmutableArray.Create(OperationKind.LocalFunction, OperationKind.AnonymousFunction);

    protected override void AnalyzeOperation(OperationAnalysisContext context, CompilationFacts facts)
    {
        var method = context.Operation switch
        {
            ILocalFunctionOperation local => local.Symbol,
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            _ => null,
        };
        if (method is not null && facts.Declaration(method) is { } declaration)
        {
            Report(context.ReportDiagnostic, declaration);
        }

        if (method is not null && facts.Components is { } components)
        {
            ComponentHandlerChecks.Uncallable(method, components, context.ReportDiagnostic);
        }
    }

    // [ComponentMessageHandler]: static, generic, or not on a MessagingComponentBase, so its component never calls it.
    protected override void AnalyzeComponentMethod(SymbolAnalysisContext context, IMethodSymbol method, ComponentFacts components) =>
        ComponentHandlerChecks.Uncallable(method, components, context.ReportDiagnostic);

    private static void Report(System.Action<Diagnostic> report, HandlerDeclaration declaration)
    {
        var method = declaration.Method;
        if ((Reason(method) ?? UnnameableTypeReason(declaration.Shape)) is not { } reason)
        {
            return;
        }

        var location = method.Locations.Length > 0 ? method.Locations[0] : Location.None;
        report(Diagnostic.Create(
            DiagnosticDescriptors.UncallableHandler,
            location,
            declaration.HasUsableName ? declaration.Name : method.Name,
            reason));
    }

    /// <summary>Why generated code cannot call <paramref name="method"/>, or <see langword="null"/> when it can.</summary>
    internal static string? Reason(IMethodSymbol method)
    {
        switch (method.MethodKind)
        {
            case MethodKind.LocalFunction:
                return "it is a local function; declare it as a method of a class";
            case MethodKind.AnonymousFunction:
                return "it is a lambda; declare it as a method of a class";
            case MethodKind.ExplicitInterfaceImplementation:
                return "it is an explicit interface implementation, which has no name to call";
            case MethodKind.Ordinary:
                break;
            default:
                return "it is not an ordinary method";
        }

        if (method.IsGenericMethod)
        {
            return "it is generic, and the generator cannot choose its type arguments";
        }

        if (InaccessibleReason(method) is { } inaccessible)
        {
            return inaccessible;
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType)
            {
                return $"it is in the generic type '{type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}'";
            }

            if (type.IsFileLocal)
            {
                return $"it is in the file-local type '{type.Name}', which other files cannot see";
            }
        }

        if (method.IsAbstract)
        {
            return "it is abstract";
        }

        // An instance handler runs on one object per endpoint, which only a concrete class can be.
        if (!method.IsStatic && method.ContainingType is { } owner)
        {
            if (owner.TypeKind == TypeKind.Struct)
            {
                // The registry keeps one instance per endpoint; a struct would be copied at every call, losing its state.
                return $"it is an instance method of the struct '{owner.Name}', and the registry keeps one handler instance per endpoint, "
                    + "which must be a class (a struct would be copied at every call); make the method static or move it to a class";
            }

            if (owner.TypeKind != TypeKind.Class)
            {
                return $"it is an instance method of the {owner.TypeKind.ToString().ToLowerInvariant()} '{owner.Name}'; make the method static or move it to a class";
            }

            if (owner.IsAbstract)
            {
                return $"it is an instance method of '{owner.Name}', which is abstract and cannot be created; make the method static or move it to a concrete class";
            }
        }

        return null;
    }

    /// <summary>
    /// Why generated code cannot name the payload or response type of a handler of <paramref name="shape"/> (the generator
    /// skips the handler then), or <see langword="null"/> when it can.
    /// </summary>
    internal static string? UnnameableTypeReason(HandlerShape shape) =>
        Unnameable("payload", shape.PayloadType) ?? Unnameable("response", shape.ResponseType);

    // The invoker, the typed stub and the manifest write the type out, so it and every type in it must be visible there.
    private static string? Unnameable(string role, ITypeSymbol? type)
    {
        if (type is null || HiddenPartOf(type) is not { } hidden)
        {
            return null;
        }

        var written = Display(type);
        var what = hidden.IsFileLocal
            ? $"'{hidden.Name}' is file-local, which other files cannot see"
            : $"'{Display(hidden)}' is {Describe(hidden.DeclaredAccessibility)}";
        var where = SymbolEqualityComparer.Default.Equals(hidden, type) ? $"its {role} type {what}"
            : $"its {role} type '{written}' uses {(hidden.IsFileLocal ? what : $"'{Display(hidden)}', which is {Describe(hidden.DeclaredAccessibility)}")}";
        var fix = hidden.IsFileLocal
            ? $"declare '{hidden.Name}' without the file modifier, at least internal"
            : $"make '{Display(hidden)}' internal or public";
        return $"{where}, and generated code (the invoker, the typed stub and the manifest) must name it; {fix}";
    }

    /// <summary>The first type in <paramref name="type"/> (itself, a type around it, an element or type argument) that is hidden from generated code.</summary>
    private static INamedTypeSymbol? HiddenPartOf(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return HiddenPartOf(array.ElementType);
            case INamedTypeSymbol { TypeKind: not TypeKind.Error } named:
                for (var current = named; current is not null; current = current.ContainingType)
                {
                    if (current.IsFileLocal || IsHidden(current.DeclaredAccessibility))
                    {
                        return current;
                    }
                }

                foreach (var argument in named.TypeArguments)
                {
                    if (HiddenPartOf(argument) is { } hidden)
                    {
                        return hidden;
                    }
                }

                return null;
            default:
                // Type parameters, dynamic and pointers are the business of the generic and signature rules.
                return null;
        }
    }

    // 'Handlers.Secret', 'List<Handlers.Secret>': the containing types say where the type to change is.
    private static readonly SymbolDisplayFormat TypeFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private static string Display(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    private static string? InaccessibleReason(IMethodSymbol method)
    {
        if (IsHidden(method.DeclaredAccessibility))
        {
            return $"it is {Describe(method.DeclaredAccessibility)}; make it internal or public";
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (IsHidden(type.DeclaredAccessibility))
            {
                return $"its containing type '{type.Name}' is {Describe(type.DeclaredAccessibility)}; make it internal or public";
            }
        }

        return null;
    }

    // Generated code lives in a class of its own in the same assembly: internal and protected internal reach it.
    private static bool IsHidden(Accessibility accessibility) =>
        accessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal;

    private static string Describe(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        _ => "private protected",
    };
}
