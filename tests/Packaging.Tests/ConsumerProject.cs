namespace Switchboard.Packaging.Tests;

/// <summary>
/// A fresh project as <c>dotnet new console</c> (or <c>classlib</c>) makes it, plus package references, any other
/// items (such as a SwitchboardManifest), and source files. The project is named after its folder.
/// </summary>
internal static class ConsumerProject
{
    public static void Write(
        string folder,
        IEnumerable<(string Id, string Version)> packages,
        IReadOnlyDictionary<string, string> files,
        string outputType = "Exe",
        string otherItems = "")
    {
        var references = string.Join(Environment.NewLine, packages.Select(package =>
            $"""    <PackageReference Include="{package.Id}" Version="{package.Version}" />"""));
        File.WriteAllText(Path.Combine(folder, Path.GetFileName(folder) + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
            {references}
                {otherItems}
              </ItemGroup>
            </Project>
            """);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }
    }
}
