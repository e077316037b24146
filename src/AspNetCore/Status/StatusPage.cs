namespace Switchboard.AspNetCore;

/// <summary>The status page's HTML (an embedded resource), read once.</summary>
internal static class StatusPage
{
    public static readonly string Html = Read();

    private static string Read()
    {
        using var stream = typeof(StatusPage).Assembly.GetManifestResourceStream("Switchboard.AspNetCore.status.html")
            ?? throw new InvalidOperationException("The status page resource is missing from Switchboard.AspNetCore.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
