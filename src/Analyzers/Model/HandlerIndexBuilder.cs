using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Switchboard.Analyzers.Handlers;

namespace Switchboard.Analyzers.Model;

/// <summary>
/// Collects the handlers a compilation knows: its own <c>[MessageHandler]</c> methods, and the manifests of the
/// referenced assemblies that reference Switchboard. The compilation's own manifest (emitted by the generator from
/// the same methods) is ignored so nothing is counted twice.
/// </summary>
internal static class HandlerIndexBuilder
{
    /// <summary>Builds the index, reading each method's declaration through <paramref name="facts"/> so that the rules reuse it.</summary>
    public static HandlerIndex Build(Compilation compilation, AnalyzerOptions options, CompilationFacts facts)
    {
        var handlers = new List<KnownHandler>();
        var symbols = facts.Symbols;
        AddSourceHandlers(compilation.Assembly.GlobalNamespace, facts.AssemblyProject, facts, handlers);
        AddReferencedManifests(compilation, symbols, handlers);
        ManifestFileHandlers.Add(compilation, options.AdditionalFiles, handlers);
        return new HandlerIndex(handlers);
    }

    /// <summary>
    /// The project of the compilation's handlers: <c>[assembly: MessagingProject]</c>, else the assembly name. A blank
    /// name is ignored, as the generator ignores it (SWB0014 reports it).
    /// </summary>
    public static string AssemblyProject(Compilation compilation, SwitchboardSymbols symbols)
    {
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.MessagingProjectAttribute)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name
                && NameRule.IsUsable(name))
            {
                return name;
            }
        }

        return compilation.AssemblyName ?? string.Empty;
    }

    /// <summary>The index entry for a source handler, or <see langword="null"/> when its name, scope, project or threading is unusable.</summary>
    public static KnownHandler? ToKnownHandler(HandlerDeclaration declaration, string assemblyProject)
    {
        // The generator skips a handler with a blank Project or an unknown Threading, so senders do not know it either.
        if (!declaration.HasUsableName || !Text.ScopeText.IsValid(declaration.Scope) || declaration.HasUnusableProject || !declaration.HasKnownThreading)
        {
            return null;
        }

        var shape = declaration.Shape;
        var payloadKnown = !shape.Problems.Any(problem => problem.Parameter is not null);
        bool? returnsValue = shape.ReturnKind switch
        {
            HandlerReturnKind.Invalid => null,
            HandlerReturnKind.Value or HandlerReturnKind.TaskOfT or HandlerReturnKind.ValueTaskOfT => true,
            _ => false,
        };
        return new KnownHandler(
            declaration.ProjectOr(assemblyProject),
            declaration.Name!,
            declaration.Scope,
            payloadKnown,
            shape.PayloadType,
            returnsValue,
            declaration.Method,
            declaration.Method.ContainingType.Name + "." + declaration.Method.Name,
            returnsValue == true ? shape.ResponseType : null,
            isDurable: declaration.IsDurable);
    }

    private static void AddSourceHandlers(INamespaceSymbol root, string assemblyProject, CompilationFacts facts, List<KnownHandler> handlers)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var member in current.GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol container:
                        pending.Push(container);
                        break;
                    case IMethodSymbol method when facts.Declaration(method) is { } declaration:
                        if (ToKnownHandler(declaration, assemblyProject) is { } handler)
                        {
                            handlers.Add(handler);
                        }

                        break;
                }
            }
        }
    }

    private static void AddReferencedManifests(Compilation compilation, SwitchboardSymbols symbols, List<KnownHandler> handlers)
    {
        if (symbols.MessageHandlerManifestAttribute is not { } manifestAttribute)
        {
            return;
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            // Only an assembly that references Switchboard can carry a manifest; skipping the rest keeps this cheap.
            if (!ReferencesFramework(assembly, symbols.FrameworkAssemblyName))
            {
                continue;
            }

            foreach (var attribute in assembly.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, manifestAttribute)
                    && FromManifest(attribute, assembly.Name) is { } handler)
                {
                    handlers.Add(handler);
                }
            }
        }
    }

    private static bool ReferencesFramework(IAssemblySymbol assembly, string frameworkName)
    {
        if (string.Equals(assembly.Name, frameworkName, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var module in assembly.Modules)
        {
            foreach (var reference in module.ReferencedAssemblies)
            {
                if (string.Equals(reference.Name, frameworkName, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static KnownHandler? FromManifest(AttributeData attribute, string assemblyName)
    {
        var arguments = attribute.ConstructorArguments;
        if (arguments.Length != 5
            || arguments[0].Value is not string project
            || arguments[1].Value is not string name
            || arguments[2].Value is not int scope
            || string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        return new KnownHandler(
            project,
            name,
            (ScopeFlags)scope,
            isPayloadKnown: true,
            payloadType: arguments[3].Value as ITypeSymbol,
            returnsValue: arguments[4].Value is ITypeSymbol,
            method: null,
            origin: "assembly " + assemblyName,
            responseType: arguments[4].Value as ITypeSymbol,
            isDurable: IsDurable(attribute));
    }

    /// <summary>The manifest's <c>Delivery</c> named argument, written only for a durable gateway handler (<c>DeliveryMode.Durable</c> is 1).</summary>
    private static bool IsDurable(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Delivery" && argument.Value.Value is int delivery)
            {
                return delivery == 1;
            }
        }

        return false;
    }
}
