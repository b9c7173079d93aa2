using System.IO;

namespace ContactsSdk.Build.Tests.Support;

/// <summary>A small console app outside the repository that references the copy's SDK, as app code would.</summary>
internal static class ConsumerProject
{
    public static string Create(RepositoryCopy copy, string programText)
    {
        var directory = Path.Combine(copy.Parent, "consumer");
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
                <ProjectReference Include="{copy.PathOf("sdk/ContactsSdk/ContactsSdk.csproj")}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), programText);
        return directory;
    }
}
