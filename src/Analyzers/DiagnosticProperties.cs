namespace Switchboard.Analyzers;

/// <summary>Keys of the properties the analyzers attach to diagnostics for the code fixes, which never recompute them.</summary>
internal static class DiagnosticProperties
{
    /// <summary>The closest known handler or project name (SWB0001, SWB0002); absent when none is close.</summary>
    public const string Suggestion = nameof(Suggestion);

    /// <summary>The scope letters to write instead (SWB0003, SWB0004, SWB0008); empty means "use the default".</summary>
    public const string ReplacementScope = nameof(ReplacementScope);

    /// <summary>Whether the scope argument is a string (<c>"string"</c>) or a <c>Scope</c> value (<c>"enum"</c>).</summary>
    public const string ScopeKind = nameof(ScopeKind);

    public const string StringScope = "string";

    public const string EnumScope = "enum";

    /// <summary>Present (SWB0004) when the replacement is not a narrowing: none of the requested scopes has the handler.</summary>
    public const string ScopeMovesElsewhere = nameof(ScopeMovesElsewhere);

    /// <summary>The keys a dictionary payload lacks, one per line (SWB0012).</summary>
    public const string MissingKeys = nameof(MissingKeys);

    /// <summary>A placeholder value for each of <see cref="MissingKeys"/>, one C# expression per line, in the same order.</summary>
    public const string Placeholders = nameof(Placeholders);

    /// <summary>The handler's response type, fully qualified, to write as the type argument of a request (SWB0019).</summary>
    public const string ResponseType = nameof(ResponseType);

    /// <summary>The same type as written in messages and fix titles (<c>int</c>).</summary>
    public const string ResponseTypeDisplay = nameof(ResponseTypeDisplay);

    /// <summary>The <c>HandlerShapeProblemKind</c> of an SWB0005 diagnostic.</summary>
    public const string ProblemKind = nameof(ProblemKind);
}
