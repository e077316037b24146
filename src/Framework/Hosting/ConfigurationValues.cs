using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Switchboard;

/// <summary>
/// Reads typed values from a configuration section key by key, without reflection (so callers stay trimming- and
/// AOT-safe); a malformed value throws an error that names its key. Used by <c>AddSwitchboard</c> and by the
/// Switchboard extension packages' own options.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConfigurationValues
{
    /// <summary>Reads a whole number.</summary>
    /// <param name="section">The section.</param>
    /// <param name="key">The key within it.</param>
    /// <returns>The value, or <see langword="null"/> when the key is absent.</returns>
    /// <exception cref="InvalidOperationException">The value is not a whole number; the message names the key and the value.</exception>
    public static int? ReadInt32(this IConfigurationSection section, string key) =>
        section[key] is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw Invalid(section, key, text, "a whole number");

    /// <summary>Reads a time span such as <c>00:00:30</c>.</summary>
    /// <param name="section">The section.</param>
    /// <param name="key">The key within it.</param>
    /// <returns>The value, or <see langword="null"/> when the key is absent.</returns>
    /// <exception cref="InvalidOperationException">The value is not a time span; the message names the key and the value.</exception>
    public static TimeSpan? ReadTimeSpan(this IConfigurationSection section, string key) =>
        section[key] is not { } text ? null
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value
        : throw Invalid(section, key, text, "a time span such as 00:00:30");

    /// <summary>Reads <c>true</c> or <c>false</c> (in any case).</summary>
    /// <param name="section">The section.</param>
    /// <param name="key">The key within it.</param>
    /// <returns>The value, or <see langword="null"/> when the key is absent.</returns>
    /// <exception cref="InvalidOperationException">The value is not <c>true</c> or <c>false</c>; the message names the key and the value.</exception>
    public static bool? ReadBoolean(this IConfigurationSection section, string key) =>
        section[key] is not { } text ? null
        : bool.TryParse(text, out var value) ? value
        : throw Invalid(section, key, text, "true or false");

    /// <summary>Reads one of an enum's names (in any case), for example <c>Wait</c>.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="section">The section.</param>
    /// <param name="key">The key within it.</param>
    /// <returns>The value, or <see langword="null"/> when the key is absent.</returns>
    /// <exception cref="InvalidOperationException">The value is not one of the enum's names; the message names the key, the value and the names allowed.</exception>
    public static TEnum? ReadEnum<TEnum>(this IConfigurationSection section, string key)
        where TEnum : struct, Enum =>
        section[key] is not { } text ? null
        : Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text.TrimStart()[0]) ? value
        : throw Invalid(section, key, text, "one of " + string.Join(", ", Enum.GetNames<TEnum>()));

    private static InvalidOperationException Invalid(IConfigurationSection section, string key, string text, string expected) =>
        new($"The configuration value \"{text}\" at {section.Path}:{key} is not {expected}.");
}
