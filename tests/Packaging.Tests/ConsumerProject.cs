namespace Switchboard.Packaging.Tests;

/// <summary>A fresh app as <c>dotnet new console</c> makes it, plus package references and source files.</summary>
internal static class ConsumerProject
{
    public static void Write(string folder, IEnumerable<(string Id, string Version)> packages, IReadOnlyDictionary<string, string> files)
    {
        var references = string.Join(Environment.NewLine, packages.Select(package =>
            $"""    <PackageReference Include="{package.Id}" Version="{package.Version}" />"""));
        File.WriteAllText(Path.Combine(folder, Path.GetFileName(folder) + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }
    }
}
