// The one definition of which [ComponentMessageHandler] methods Switchboard.AspNetCore calls (its run-time discovery,
// ComponentHandler in src/AspNetCore, says the same in reflection). It depends on Roslyn alone so that the generator
// (typed stubs) and the analyzers (SWB0003, SWB0005, SWB0007 and the send checks) compile this same file and agree.
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Switchboard.Analyzers.Handlers;

/// <summary>Which component handler methods run, which listen scopes are valid, and which payload types a typed stub can name.</summary>
internal static class ComponentHandlerShapes
{
    /// <summary>The attribute that declares a component message handler.</summary>
    public const string AttributeMetadataName = "Switchboard.AspNetCore.ComponentMessageHandlerAttribute";

    /// <summary>The base class whose instances register their handlers with the circuit.</summary>
    public const string ComponentBaseMetadataName = "Switchboard.AspNetCore.MessagingComponentBase";

    /// <summary>What a component handler may take and return, for messages that name the rule.</summary>
    public const string Allowed = "a component message handler returns void, Task or ValueTask and takes no parameter or one payload parameter";

    // ListenScope as Switchboard.AspNetCore defines it.
    public const int View = 1;
    public const int Page = 2;
    public const int Session = 4;
    public const int AllScopes = View | Page | Session;

    /// <summary>A non-empty combination of View, Page and Session: anything else throws when the component is created.</summary>
    public static bool IsValidListenScopes(int scopes) => scopes != 0 && (scopes & ~AllScopes) == 0;

    /// <summary>Exactly one scope, as a send needs.</summary>
    public static bool IsSingleScope(int scope) => scope is View or Page or Session;

    /// <summary>"View", "Page | Session".</summary>
    public static string Describe(int scopes)
    {
        var names = new List<string>(3);
        if ((scopes & View) != 0)
        {
            names.Add("View");
        }

        if ((scopes & Page) != 0)
        {
            names.Add("Page");
        }

        if ((scopes & Session) != 0)
        {
            names.Add("Session");
        }

        return names.Count == 0 ? scopes.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Join(" | ", names);
    }

    /// <summary>
    /// Why the component never calls <paramref name="method"/> (the run time registers the instance methods of a
    /// <c>MessagingComponentBase</c> only, and refuses generic ones), or <see langword="null"/> when it does.
    /// <paramref name="checkBase"/> is false where the base class may be out of sight: a generator does not see the
    /// Razor generator's output, where <c>@inherits MessagingComponentBase</c> puts it.
    /// </summary>
    public static string? CallProblem(IMethodSymbol method, bool checkBase = true)
    {
        switch (method.MethodKind)
        {
            case MethodKind.LocalFunction:
                return "it is a local function, which a component never registers; declare it as a method of the component";
            case MethodKind.AnonymousFunction:
                return "it is a lambda, which a component never registers; declare it as a method of the component";
            case MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation:
                break;
            default:
                return "it is not an ordinary method";
        }

        if (method.IsStatic)
        {
            return "it is static, and a component registers only its instance methods; remove 'static'";
        }

        if (method.IsGenericMethod)
        {
            return "it is generic, and the component cannot choose its type arguments";
        }

        if (checkBase && !IsComponent(method.ContainingType))
        {
            return $"'{method.ContainingType?.Name}' does not inherit MessagingComponentBase, which registers a component's handlers when it is created; "
                + "inherit it (@inherits MessagingComponentBase)";
        }

        return null;
    }

    /// <summary>
    /// What is wrong with the parameters and the return type of <paramref name="method"/>: each problem with the
    /// parameter it is about (<see langword="null"/> for the return type). Empty when the component can call it.
    /// </summary>
    public static List<KeyValuePair<IParameterSymbol?, string>> SignatureProblems(IMethodSymbol method)
    {
        var problems = new List<KeyValuePair<IParameterSymbol?, string>>();
        if (method.Parameters.Length > 1)
        {
            problems.Add(new(method.Parameters[1], $"takes {method.Parameters.Length} parameters; {Allowed}"));
        }
        else if (method.Parameters.Length == 1 && method.Parameters[0].Type is { } payload
            && (payload.IsRefLikeType || payload.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer))
        {
            problems.Add(new(
                method.Parameters[0],
                $"cannot take '{method.Parameters[0].Name}' of type '{payload.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}': a payload is an object, which a ref struct or a pointer cannot be; {Allowed}"));
        }

        if (!ReturnsNothing(method))
        {
            var what = method.IsAsync && method.ReturnsVoid ? "is async void" : $"returns '{method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}'";
            problems.Add(new(null, $"{what}; {Allowed}"));
        }

        return problems;
    }

    /// <summary>Whether the component calls <paramref name="method"/>: no call problem and no signature problem.</summary>
    public static bool IsCallable(IMethodSymbol method, bool checkBase = true) => CallProblem(method, checkBase) is null && SignatureProblems(method).Count == 0;

    /// <summary>
    /// Whether a typed stub, generated in its own class, can name <paramref name="type"/> as its payload: no type
    /// parameter, nothing private, protected or file-local in it. Otherwise the stub takes <c>object?</c>.
    /// </summary>
    public static bool StubCanName(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return StubCanName(array.ElementType);
            case INamedTypeSymbol { TypeKind: not TypeKind.Error } named:
                for (var current = named; current is not null; current = current.ContainingType)
                {
                    if (current.IsFileLocal || current.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                    {
                        return false;
                    }
                }

                foreach (var argument in named.TypeArguments)
                {
                    if (!StubCanName(argument))
                    {
                        return false;
                    }
                }

                return true;
            case IDynamicTypeSymbol:
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether <paramref name="type"/> is or inherits <c>MessagingComponentBase</c>.</summary>
    public static bool IsComponent(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current is { Name: "MessagingComponentBase", ContainingNamespace: { Name: "AspNetCore", ContainingNamespace: { Name: "Switchboard", ContainingNamespace.IsGlobalNamespace: true } } })
            {
                return true;
            }
        }

        return false;
    }

    // void (not async void, whose exception nobody sees), Task or ValueTask: what ComponentHandler awaits.
    private static bool ReturnsNothing(IMethodSymbol method)
    {
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return false;
        }

        if (method.ReturnsVoid)
        {
            return !method.IsAsync;
        }

        return method.ReturnType is INamedTypeSymbol { Arity: 0, Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };
    }
}
