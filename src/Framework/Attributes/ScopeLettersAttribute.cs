namespace Switchboard;

/// <summary>
/// Marks a <see cref="string"/> parameter that takes Ignition scope letters (<c>"CG"</c>, <c>"CGS"</c>): one to three
/// distinct letters among C, G and S, in any order and case. Switchboard's analyzers check every constant passed to
/// such a parameter as they check the scope of a send (SWB0003), so <c>ScopeCode.Parse("CGX")</c> fails to build
/// instead of throwing at run time. Put it on your own APIs that forward scope letters to get the same check.
/// </summary>
/// <example><code>public void Broadcast(string text, [ScopeLetters] string scope = "CS") { ... }</code></example>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class ScopeLettersAttribute : Attribute
{
}
