using System.Threading.Tasks;
using Xunit;

namespace ContactsSdk.Erasure.AspNetCore.Tests;

/// <summary>One service process shared by a test class.</summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    public ServiceProcess Service { get; private set; } = null!;

    public async Task InitializeAsync() => Service = await ServiceProcess.StartAsync();

    public async Task DisposeAsync() => await Service.DisposeAsync();
}
