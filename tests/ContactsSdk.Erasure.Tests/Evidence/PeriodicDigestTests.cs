using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Evidence;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Evidence;

/// <summary>A running worker issues signed digests on its own, every DigestInterval, to every registered sink.</summary>
public sealed class PeriodicDigestTests
{
    [Fact]
    public async Task A_worker_hands_a_signed_digest_to_every_sink_each_interval_and_each_one_proves_the_ledger()
    {
        await using var emulator = await MarketingCloudEmulator.StartAsync();
        using var directory = new TempDirectory();
        var first = new RecordingSink();
        var second = new RecordingSink();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IErasureDigestSink>(first);
        builder.Services.AddSingleton<IErasureDigestSink>(second);
        builder.Services.AddContactsSdk(o => o.ConnectTo(emulator));
        builder.Services.AddContactsErasure(o =>
        {
            o.UseSqlite(directory.File("erasure.db"));
            o.SubjectHashKey = ErasureHarness.TestKey;
            o.DigestSigningKeys.Add(ErasureHarness.SigningKey);
            o.DigestInterval = TimeSpan.FromSeconds(1);
        });
        using var host = builder.Build();
        await host.StartAsync();
        var service = host.Services.GetRequiredService<IErasureService>();
        await service.SubmitAsync(new ErasureRequest("periodic-digest-1", ErasureSubjects.ContactKeys(["periodic-contact"])));

        var digest = await first.WaitForAsync(d => d.TreeSize > 0, TimeSpan.FromSeconds(60));
        await host.StopAsync();

        Assert.Equal(ErasureHarness.SigningKey.KeyId, digest.KeyId);
        var verification = await service.VerifyDigestAsync(digest);
        Assert.True(verification.IsConsistent, string.Join("; ", verification.Problems));
        Assert.NotEmpty(second.Received);
        Assert.All(first.Received.Concat(second.Received), d => Assert.True(service.VerifyDigestAsync(d).GetAwaiter().GetResult().IsConsistent));
    }

    private sealed class RecordingSink : IErasureDigestSink
    {
        public ConcurrentQueue<LedgerDigest> Received { get; } = new();

        public Task PublishAsync(LedgerDigest digest, CancellationToken cancellationToken)
        {
            Received.Enqueue(digest);
            return Task.CompletedTask;
        }

        public async Task<LedgerDigest> WaitForAsync(Func<LedgerDigest, bool> wanted, TimeSpan limit)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < limit)
            {
                if (Received.FirstOrDefault(wanted) is { } digest)
                {
                    return digest;
                }
                await Task.Delay(100);
            }
            throw new TimeoutException($"No digest arrived within {limit} ({Received.Count} received).");
        }
    }
}
