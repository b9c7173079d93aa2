using System.IO;
using System.Linq;
using System.Reflection;
using ContactsSdk.Testing;
using ContactsSdk.Tests.Conventions;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Conventions;

/// <summary>
/// The erasure library is a package of its own, so its public API is tracked in a committed file:
/// every change shows up in review as a diff of that file (refresh with CONTACTSSDK_UPDATE_BASELINES=1).
/// </summary>
public sealed class PublicApiTests
{
    private const string BaselineName = "tests/ContactsSdk.Erasure.Tests/Conventions/ContactsSdk.Erasure.PublicApi.txt";

    private static readonly string BaselinePath = Path.Combine(
        typeof(PublicApiTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        BaselineName);

    [Fact]
    public void The_public_api_matches_its_committed_description()
    {
        BaselineFile.AssertMatches(BaselinePath, BaselineName, PublicApi.Describe(typeof(IErasureService).Assembly.GetExportedTypes()));
    }
}
