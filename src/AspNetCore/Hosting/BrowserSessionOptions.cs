namespace Switchboard.AspNetCore;

/// <summary>How Blazor Server circuits become sessions, bound from the <c>"Switchboard:AspNetCore"</c> configuration section.</summary>
public sealed class BrowserSessionOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Switchboard:AspNetCore";

    /// <summary>The project every circuit's session runs (required): its session handlers receive the browser's messages.</summary>
    public string Project { get; set; } = "";

    /// <summary>How many recent sends the status page keeps (1 to 10,000; default 200).</summary>
    public int StatusLogCapacity { get; set; } = 200;
}
