namespace Switchboard.Packaging.Tests;

/// <summary>Writes the projects of a package user: a nuget.config that finds the test feed, and a project file.</summary>
internal static class Consumers
{
    public static void WriteNuGetConfig(string directory, string feed)
    {
        var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        // Test versions go to a private package folder; everything else is found where the user already has it.
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="packages" /></config>
              <packageSources><add key="switchboard-local" value="{feed}" /></packageSources>
              <fallbackPackageFolders><add key="user" value="{userPackages}" /></fallbackPackageFolders>
            </configuration>
            """);
    }

    public static void WriteProject(string directory, string name, string version, string outputType, string extraItems = "") =>
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Switchboard" Version="{version}" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
}
