using Xunit;

namespace ContactsSdk.Build.Tests.Support;

/// <summary>
/// The test classes that build a copy of the repository share this collection, so xUnit runs them
/// one after another: full builds in parallel on a small machine take longer than the build timeout.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RepositoryBuilds
{
    public const string Name = "Repository builds";
}
