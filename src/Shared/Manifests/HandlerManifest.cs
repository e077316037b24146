using System;
using System.Collections.Generic;

namespace Switchboard.Manifests;

/// <summary>
/// A project's handlers as another compilation sees them without its assembly: the content of a
/// <c>*.switchboard.json</c> file. Written by the generator of the project that declares the handlers, read by the
/// generator (typed stubs) and the analyzers (checks) of a project that sends to them.
/// </summary>
/// <param name="Projects">The messaging projects the assembly declares, sorted by name.</param>
internal sealed record HandlerManifest(IReadOnlyList<ManifestProject> Projects)
{
    /// <summary>The format version written in, and accepted from, the <c>switchboardManifest</c> property.</summary>
    public const int FormatVersion = 1;

    /// <summary>How every manifest file name ends, so that an <c>AdditionalFiles</c> item is recognised as one.</summary>
    public const string FileExtension = ".switchboard.json";

    public static bool IsManifestPath(string path) => path.EndsWith(FileExtension, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One messaging project and its handler names.</summary>
internal sealed record ManifestProject(string Name, IReadOnlyList<ManifestHandler> Handlers);

/// <summary>One handler name of a project, every scope that declares it merged (as its typed stub sees it).</summary>
/// <param name="Name">The handler name.</param>
/// <param name="Scope">The <c>Scope</c> flags (Client 1, Gateway 2, Session 4) that declare it.</param>
/// <param name="Payload">What it takes, or <see langword="null"/> for no payload.</param>
/// <param name="Response">
/// What its gateway handler returns, or <see langword="null"/> when it answers no requests; for a name no gateway
/// declares, what its client and session handlers answer request-alls with (or <see langword="null"/>).
/// </param>
/// <param name="IsDurable">Whether its gateway handler is declared <c>Delivery = DeliveryMode.Durable</c> (written only when it is).</param>
internal sealed record ManifestHandler(string Name, int Scope, ManifestType? Payload, ManifestType? Response, bool IsDurable = false)
{
    /// <summary>Whether <c>sendRequest</c> can call it: a gateway handler that returns a value.</summary>
    public bool AnswersRequests => Response is not null && (Scope & 2) != 0;
}

/// <summary>A payload or response type as the declaring project wrote it.</summary>
/// <param name="Name">Fully qualified C# (<c>global::App.Reading</c>), as generated code names it.</param>
/// <param name="MetadataName">The name to look the type up by in another compilation (<c>App.Reading</c>); <see langword="null"/> for constructed types such as arrays and generics.</param>
/// <param name="IsDictionary">Ignition's payload dictionary, <c>IReadOnlyDictionary&lt;string, object?&gt;</c>.</param>
/// <param name="Properties">The members a payload dictionary may fill, as System.Text.Json names them; <see langword="null"/> when any key fits (collections, BCL types).</param>
internal sealed record ManifestType(string Name, string? MetadataName, bool IsDictionary, IReadOnlyList<ManifestProperty>? Properties);

/// <summary>One member of a payload type.</summary>
/// <param name="Name">The JSON name (the property name unless <c>[JsonPropertyName]</c> renames it).</param>
/// <param name="Type">Its type in C#, for messages.</param>
/// <param name="Required">Whether a dictionary must give it a value (<c>required</c>, <c>[JsonRequired]</c>, or a constructor parameter without a default).</param>
/// <param name="ConstructorParameter">
/// Whether it is required only as a constructor parameter without a default, which the declaring project's runtime
/// requires (Switchboard's .NET 9 and later builds); said so in messages.
/// </param>
internal sealed record ManifestProperty(string Name, string Type, bool Required, bool ConstructorParameter = false);
