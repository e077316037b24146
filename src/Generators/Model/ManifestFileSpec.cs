namespace Switchboard.Generators.Model;

/// <summary>
/// One <c>*.switchboard.json</c> manifest of a project built elsewhere, read into values: compares equal while the
/// file's content is unchanged, so an edit elsewhere regenerates nothing. A file that cannot be read has no entries
/// (the analyzers report it).
/// </summary>
/// <param name="FileName">The file name, for the stubs' documentation.</param>
/// <param name="Entries">Its handler names, in file order.</param>
internal sealed record ManifestFileSpec(string FileName, EquatableArray<ManifestEntrySpec> Entries);

/// <summary>One handler name of a foreign project, as its manifest records it.</summary>
/// <param name="Project">The project name.</param>
/// <param name="Name">The handler name.</param>
/// <param name="Scope">The <c>Scope</c> flags that declare it.</param>
/// <param name="Payload">The payload type as the declaring project names it, or <see langword="null"/> for none.</param>
/// <param name="PayloadFallback">What the stub takes when the consumer cannot name <paramref name="Payload"/>: the dictionary for an object shape, else <c>object</c>.</param>
/// <param name="Response">
/// What its gateway handler returns (<see langword="null"/> when it answers no requests); for a name no gateway declares,
/// what its client and session handlers answer request-alls with.
/// </param>
/// <param name="IsDurable">Whether its gateway handler is declared durable.</param>
internal sealed record ManifestEntrySpec(string Project, string Name, int Scope, TypeSpec? Payload, TypeSpec? PayloadFallback, TypeSpec? Response, bool IsDurable);
