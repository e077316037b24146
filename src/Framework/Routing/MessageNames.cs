using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Switchboard;

/// <summary>
/// Checks names in messages (a project, handler, gateway, user, role, host or session id) by <see cref="NameRule"/>,
/// which the generator and the analyzers (SWB0010) share: the API refuses another name where it is given, and a
/// gateway network drops a message that carries one as malformed, so a name that passes here is never refused on the wire.
/// </summary>
/// <remarks>
/// The bound keeps what a peer can make a gateway echo small: an error text names the handler, project and node it is
/// about, and a name of hundreds of thousands of characters would make every reply that size.
/// </remarks>
internal static class MessageNames
{
    /// <summary>Throws unless <paramref name="name"/> is a name: not blank and at most <see cref="NameRule.MaxLength"/> characters.</summary>
    /// <exception cref="ArgumentException">The name is empty, whitespace or too long.</exception>
    /// <exception cref="ArgumentNullException">The name is <see langword="null"/>.</exception>
    public static void Check([NotNull] string? name, [CallerArgumentExpression(nameof(name))] string? parameter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameter);
        CheckLength(name, parameter);
    }

    /// <summary>Throws unless every name of an endpoint's identity is one: its project is required, the rest optional.</summary>
    /// <exception cref="ArgumentException">The project is empty, or a name is too long.</exception>
    public static void Check(EndpointIdentity identity)
    {
        Check(identity.Project, "identity");
        CheckLength(identity.Address, "identity.Address");
        CheckLength(identity.SessionId, "identity.SessionId");
        CheckSender(identity.User, identity.HostName, identity.Roles);
    }

    /// <summary>Throws unless every name of a designer's identity is one; all of them are optional.</summary>
    /// <exception cref="ArgumentException">A name is too long.</exception>
    public static void Check(DesignerIdentity identity)
    {
        CheckLength(identity.Project, "identity.Project");
        CheckSender(identity.User, identity.HostName, identity.Roles);
    }

    // What every sender carries onto the wire with each message.
    private static void CheckSender(string? user, string? hostName, IReadOnlyList<string>? roles)
    {
        CheckLength(user, "identity.User");
        CheckLength(hostName, "identity.HostName");
        foreach (var role in roles ?? [])
        {
            CheckLength(role, "identity.Roles");
        }
    }

    /// <summary>Throws when an optional name (a filter, a role) is longer than <see cref="NameRule.MaxLength"/> characters.</summary>
    /// <exception cref="ArgumentException">The name is too long.</exception>
    public static void CheckLength(string? name, [CallerArgumentExpression(nameof(name))] string? parameter = null)
    {
        if (name is { Length: > NameRule.MaxLength })
        {
            ThrowTooLong(parameter, name.Length);
        }
    }

    // Apart, so that CheckLength stays small enough to be inlined into every send, which calls it up to six times.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooLong(string? parameter, int length) =>
        throw new ArgumentException(TooLong(parameter ?? "The name", length) + ".", parameter);

    /// <summary>Why a name of <paramref name="length"/> characters is refused, for exceptions and drop logs alike.</summary>
    public static string TooLong(string what, int length) => $"{what} is {length} characters long; a name may have at most {NameRule.MaxLength}";
}
