namespace Switchboard.Generators.Model;

/// <summary>Every declaration of one handler name in one project, merged: what its typed stubs and manifest entry say.</summary>
/// <param name="Name">The handler name.</param>
/// <param name="Scope">The union of the scopes that declare it.</param>
/// <param name="MemberName">The C# identifier its field and stubs are named after (<c>TestHandler</c>, <c>SendTestHandlerAsync</c>).</param>
/// <param name="Payload">What the stubs take, or <see langword="null"/> when no declaration takes a payload.</param>
/// <param name="Response">What the gateway declaration returns, or <see langword="null"/> when it returns nothing or there is none.</param>
/// <param name="AnsweringScope">The union of the scopes whose declarations return a value (answer request-alls); 0 when none does.</param>
/// <param name="AllResponse">
/// What a request-all's results carry: the response type the answering declarations share, <c>object</c> when they
/// differ, or <see langword="null"/> when none answers (then no request-all stubs are generated).
/// </param>
/// <param name="IsDurable">Whether its gateway declaration is durable: its field and send stub deliver through the durable queue.</param>
/// <param name="IsPublic">Whether the field and stubs can be public (every type they mention is).</param>
/// <param name="Declarations">The methods that declare the name, for the stubs' documentation.</param>
internal sealed record HandlerGroupSpec(
    string Name,
    int Scope,
    string MemberName,
    TypeSpec? Payload,
    TypeSpec? Response,
    int AnsweringScope,
    TypeSpec? AllResponse,
    bool IsDurable,
    bool IsPublic,
    EquatableArray<string> Declarations);
