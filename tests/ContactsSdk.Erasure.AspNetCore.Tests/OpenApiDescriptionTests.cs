using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.TestSupport;
using Xunit;

namespace ContactsSdk.Erasure.AspNetCore.Tests;

/// <summary>
/// The service's OpenAPI description, as the running service produces it from its endpoints, is the
/// committed spec/erasure-service.json (which the spec gate lints): an endpoint changed without the
/// description, or the description edited by hand, fails here.
/// </summary>
public sealed class OpenApiDescriptionTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private const string Name = "spec/erasure-service.json";

    private static readonly string RepositoryRoot =
        typeof(OpenApiDescriptionTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    [Fact]
    public async Task The_served_description_is_the_committed_one()
    {
        using var client = fixture.Service.Client(authorized: false);

        var served = await client.GetStringAsync("/openapi/v1.json");

        BaselineFile.AssertMatches(Path.Combine(RepositoryRoot, Name), Name, served);
    }
}
