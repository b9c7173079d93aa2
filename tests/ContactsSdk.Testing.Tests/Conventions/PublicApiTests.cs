using System.IO;
using System.Linq;
using System.Reflection;
using ContactsSdk.Tests.Conventions;
using Xunit;

namespace ContactsSdk.Testing.Tests.Conventions;

/// <summary>
/// The emulator is a library other teams test against, so its public API is tracked in a committed
/// file: every change shows up in review as a diff of that file (refresh with
/// CONTACTSSDK_UPDATE_BASELINES=1).
/// </summary>
public sealed class PublicApiTests
{
    private const string BaselineName = "tests/ContactsSdk.Testing.Tests/Conventions/ContactsSdk.Testing.PublicApi.txt";

    private static readonly string BaselinePath = Path.Combine(
        typeof(PublicApiTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        BaselineName);

    [Fact]
    public void The_public_api_matches_its_committed_description()
    {
        BaselineFile.AssertMatches(BaselinePath, BaselineName, PublicApi.Describe(typeof(MarketingCloudEmulator).Assembly.GetExportedTypes()));
    }

    [Fact]
    public void Every_public_type_lives_in_a_documented_namespace()
    {
        string[] documented = ["ContactsSdk.Testing", "ContactsSdk.Testing.Faults", "ContactsSdk.Testing.Lifecycle", "ContactsSdk.Testing.Time"];

        Assert.All(typeof(MarketingCloudEmulator).Assembly.GetExportedTypes(), type => Assert.Contains(type.Namespace, documented));
    }
}
