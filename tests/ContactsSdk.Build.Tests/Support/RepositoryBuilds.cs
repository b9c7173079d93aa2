using Xunit;

namespace ContactsSdk.Build.Tests.Support;

/// <summary>
/// The tests that build or pack a repository copy run one after another: each build is a minute or
/// more of full CPU, and two at once (with Kiota generating in both) slowed each past its timeout on
/// a loaded machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RepositoryBuilds
{
    public const string Name = "Repository builds";
}
