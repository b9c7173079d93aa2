using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ContactsSdk.Generator.Tests.Infrastructure;

/// <summary>Where the repository's files are (the build writes the root into the test assembly).</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value
        ?? throw new InvalidOperationException("RepositoryRoot metadata is missing.");

    public static string SpecPath => Path.Combine(RepositoryRoot, "spec", "contacts.yaml");

    public static string ProjectDirectory => Path.Combine(RepositoryRoot, "tests", "ContactsSdk.Generator.Tests");

    public static string FixturePath => Path.Combine(ProjectDirectory, "Fixtures", "fixture.yaml");

    public static string KiotaModelsDirectory => Path.Combine(RepositoryRoot, "sdk", "ContactsSdk", "Generated", "Models");

    public static string ReadSpec() => File.ReadAllText(SpecPath);

    public static string ReadFixture() => File.ReadAllText(FixturePath);
}
