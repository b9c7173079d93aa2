using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage.Sqlite;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Conventions;

/// <summary>
/// Disposal is the same everywhere: a public type of the libraries that is disposable one way is
/// disposable both ways, so <c>using</c> and <c>await using</c> both work on whatever a reader holds.
/// </summary>
public sealed class DisposalConventionTests
{
    [Fact]
    public void Every_public_disposable_type_of_the_libraries_is_disposable_both_ways()
    {
        var disposables = new[] { typeof(ContactsClient), typeof(ErasureOptions), typeof(MarketingCloudEmulator) }
            .Select(t => t.Assembly)
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => !t.IsInterface && (typeof(IDisposable).IsAssignableFrom(t) || typeof(IAsyncDisposable).IsAssignableFrom(t)))
            .ToList();

        // The ones a reader holds: a check that found none would prove nothing.
        Assert.Contains(typeof(ContactsClient), disposables);
        Assert.Contains(typeof(SqliteLedgerStore), disposables);
        Assert.Contains(typeof(MarketingCloudEmulator), disposables);
        Assert.All(disposables, t => Assert.True(
            typeof(IDisposable).IsAssignableFrom(t) && typeof(IAsyncDisposable).IsAssignableFrom(t),
            $"{t.FullName} is disposable only {(typeof(IDisposable).IsAssignableFrom(t) ? "synchronously" : "asynchronously")}."));
    }

    [Fact]
    public async Task A_client_disposed_asynchronously_releases_its_connections_as_Dispose_does()
    {
        await using var emulator = await CrashEmulator.StartAsync();
        var options = new ContactsClientOptions();
        options.ConnectTo(emulator);
        var client = new ContactsClient(options);
        await client.StartDeletionByKeysAsync(["disposal-check"]);

        await client.DisposeAsync();
        await client.DisposeAsync();
        client.Dispose();

        await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => client.StartDeletionByKeysAsync(["after-disposal"]));
    }
}
