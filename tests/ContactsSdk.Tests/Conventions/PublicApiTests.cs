using System;
using System.IO;
using System.Linq;
using System.Reflection;
using ContactsSdk.Testing;
using Xunit;

namespace ContactsSdk.Tests.Conventions;

/// <summary>
/// The hand-written public API of ContactsSdk is tracked in a committed file, so that every change to
/// it shows up in review as a diff of that file (refresh with CONTACTSSDK_UPDATE_BASELINES=1). The
/// generated namespaces are left out: they follow the spec, and a route added to the spec must not
/// need an edit here.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly string BaselinePath = Path.Combine(
        typeof(PublicApiTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "tests", "ContactsSdk.Tests", "Conventions", "ContactsSdk.PublicApi.txt");

    [Fact]
    public void The_hand_written_public_api_matches_its_committed_description()
    {
        var types = typeof(ContactsClient).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is { } ns && !ns.StartsWith("ContactsSdk.Generated", StringComparison.Ordinal));

        BaselineFile.AssertMatches(BaselinePath, "tests/ContactsSdk.Tests/Conventions/ContactsSdk.PublicApi.txt", PublicApi.Describe(types));
    }
}
