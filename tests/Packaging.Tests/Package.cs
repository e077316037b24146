using System.IO.Compression;
using System.Xml.Linq;

namespace Switchboard.Packaging.Tests;

/// <summary>Reads what a .nupkg or .snupkg carries.</summary>
internal static class Package
{
    public static string Nuspec(string package) => Text(package, entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal));

    public static XElement Metadata(string package)
    {
        var nuspec = XDocument.Parse(Nuspec(package));
        return nuspec.Root!.Elements().Single(element => element.Name.LocalName == "metadata");
    }

    public static string? Element(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;

    public static XElement? Child(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name);

    public static IReadOnlySet<string> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(entry => entry.FullName).ToHashSet();
    }

    public static string Text(string package, string path) => Text(package, entry => entry.FullName == path);

    public static byte[] Bytes(string package, string path)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.GetEntry(path)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Text(string package, Func<ZipArchiveEntry, bool> which)
    {
        using var zip = ZipFile.OpenRead(package);
        using var reader = new StreamReader(zip.Entries.Single(which).Open());
        return reader.ReadToEnd();
    }
}
