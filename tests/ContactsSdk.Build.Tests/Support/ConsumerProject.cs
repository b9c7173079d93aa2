using System;
using System.IO;
using System.Linq;

namespace ContactsSdk.Build.Tests.Support;

/// <summary>A small console app outside the repository that uses the copy's SDK, as app code would.</summary>
internal static class ConsumerProject
{
    /// <summary>An app that references the copy's SDK project.</summary>
    public static string Create(RepositoryCopy copy, string programText) =>
        Create(Path.Combine(copy.Parent, "consumer"), $"""<ProjectReference Include="{copy.PathOf("sdk/ContactsSdk/ContactsSdk.csproj")}" />""", programText);

    /// <summary>An app that takes the ContactsSdk package from a local feed, beside its usual package sources.</summary>
    public static string CreateFromPackage(RepositoryCopy copy, string feed, string version, string programText) =>
        CreateFromPackages(copy, "package-consumer", feed, version, ["ContactsSdk"], programText);

    /// <summary>
    /// An app that takes the given packages of the repository (one version) from a local feed, beside
    /// its usual package sources, plus <paramref name="otherPackages"/> ("id/version") from those sources.
    /// </summary>
    public static string CreateFromPackages(RepositoryCopy copy, string name, string feed, string version, string[] packageIds, string programText, params string[] otherPackages)
    {
        var references = string.Join(Environment.NewLine, packageIds.Select(id => $"""<PackageReference Include="{id}" Version="{version}" />""")
            .Concat(otherPackages.Select(p => p.Split('/')).Select(p => $"""<PackageReference Include="{p[0]}" Version="{p[1]}" />""")));
        var directory = Create(Path.Combine(copy.Parent, name), references, programText);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="contactssdk-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        return directory;
    }

    private static string Create(string directory, string reference, string programText)
    {
        Directory.CreateDirectory(directory);
        // An empty Directory.Build.props/Directory.Packages.props stop MSBuild from picking up any
        // file above the consumer: it is an ordinary outside project.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                {reference}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), programText);
        return directory;
    }
}
