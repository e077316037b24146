using System.ComponentModel;
using Microsoft.Extensions.Configuration;

namespace Switchboard;

/// <summary>
/// Adds the offending value to a configuration-binding failure, so that "lots" at <c>Switchboard:SharedPoolSize</c>
/// is named in full. Used by <c>AddSwitchboard</c> and by the Switchboard extension packages around their generated
/// <c>Bind</c> calls.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConfigurationErrors
{
    /// <summary>
    /// Rewrites the binder's <c>Failed to convert configuration value at 'Key' to type 'T'.</c> as
    /// <c>The configuration value "text" at Key is not a valid T.</c>, keeping the original as the inner exception.
    /// </summary>
    /// <param name="section">The section that was being bound.</param>
    /// <param name="failure">What the binder threw.</param>
    /// <returns>The clearer exception, or <paramref name="failure"/> when its key cannot be found in <paramref name="section"/>.</returns>
    public static InvalidOperationException WithValue(IConfigurationSection section, InvalidOperationException failure)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(failure);
        var quoted = failure.Message.Split('\'');
        if (quoted.Length < 5 || !quoted[1].StartsWith(section.Path + ":", StringComparison.OrdinalIgnoreCase))
        {
            return failure;
        }

        var key = quoted[1];
        var type = quoted[3];
        var text = section[key[(section.Path.Length + 1)..]];
        return new InvalidOperationException($"The configuration value \"{text}\" at {key} is not a valid {type}.", failure);
    }
}
