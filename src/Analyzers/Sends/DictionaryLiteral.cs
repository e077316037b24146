using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Switchboard.Analyzers.Sends;

/// <summary>
/// The keys of a dictionary written in place as a payload: <c>new Dictionary&lt;string, object?&gt; { ["a"] = 1 }</c>
/// or <c>{ { "a", 1 } }</c>.
/// </summary>
internal sealed class DictionaryLiteral
{
    private DictionaryLiteral(IObjectCreationOperation creation)
    {
        Creation = creation;
    }

    public IObjectCreationOperation Creation { get; }

    /// <summary>Each constant key with the expression that wrote it and the value written for it.</summary>
    public List<(string Key, SyntaxNode Syntax, IOperation Value)> Keys { get; } = new();

    /// <summary>False when some key is not a constant, so "a key is missing" cannot be concluded.</summary>
    public bool AllKeysConstant { get; private set; } = true;

    /// <summary>The literal, or <see langword="null"/> when <paramref name="payload"/> is not an initialized object creation.</summary>
    public static DictionaryLiteral? TryRead(IOperation payload)
    {
        if (SendCall.WithoutImplicitConversions(payload) is not IObjectCreationOperation { Initializer: { } initializer } creation)
        {
            return null;
        }

        var literal = new DictionaryLiteral(creation);
        foreach (var element in initializer.Initializers)
        {
            var (key, value) = element switch
            {
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment
                    => (indexer.Arguments[0].Value, assignment.Value),
                IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add => (add.Arguments[0].Value, add.Arguments[1].Value),
                _ => ((IOperation?)null, (IOperation?)null),
            };
            if (key is null || value is null)
            {
                // An object initializer ({ Name = ... }) is not a dictionary literal.
                return null;
            }

            if (SendCall.ConstantOf(key) is { HasValue: true, Value: string text })
            {
                literal.Keys.Add((text, key.Syntax, value));
            }
            else
            {
                literal.AllKeysConstant = false;
            }
        }

        return literal;
    }
}
