using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Models;
using ContactsSdk.Tests.Support;
using Xunit;

namespace ContactsSdk.Tests.Reliability;

/// <summary>
/// A server clock that is off from the client's: the SDK relies on no absolute server time, and
/// measures an HTTP-date Retry-After from the server's own Date header.
/// </summary>
public sealed class ClockSkewTests
{
    public static TheoryData<int> SkewsInMinutes() => new() { -90, 90 };

    [Theory]
    [MemberData(nameof(SkewsInMinutes))]
    public async Task A_Retry_After_date_from_a_skewed_server_is_waited_for_as_long_as_it_means(int skewMinutes)
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        var throttled = Fault.Combine(Fault.ClockSkew(TimeSpan.FromMinutes(skewMinutes)), Fault.TooManyRequests(TimeSpan.FromSeconds(42), asHttpDate: true));
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, throttled, times: 3);
        var progress = new RecordingProgress();

        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, progress: progress);

        Assert.True(result.IsDeleted);
        // Measured against the client's clock, the date is 90 minutes off: the wait would be capped
        // at MaxRetryAfter (server ahead) or be zero (server behind). Against Date it is 42 s.
        var waits = progress.Reports.Where(r => r.ConsecutiveFailures > 0).Select(r => r.NextPollIn).ToArray();
        Assert.Equal(3, waits.Length);
        Assert.All(waits, wait => Assert.InRange(wait, TimeSpan.FromSeconds(41), TimeSpan.FromSeconds(42)));
    }

    [Theory]
    [MemberData(nameof(SkewsInMinutes))]
    public async Task A_delete_throttled_by_a_skewed_server_waits_as_long_as_it_means(int skewMinutes)
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        var throttled = Fault.Combine(Fault.ClockSkew(TimeSpan.FromMinutes(skewMinutes)), Fault.TooManyRequests(TimeSpan.FromSeconds(42), asHttpDate: true));
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Delete, throttled);
        var before = tenant.Clock.GetUtcNow();

        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });

        Assert.Equal(started.OperationId, Assert.Single(tenant.Emulator.Operations).OperationId);
        Assert.InRange(tenant.Clock.GetUtcNow() - before, TimeSpan.FromSeconds(41), TimeSpan.FromSeconds(43));
    }

    [Theory]
    [MemberData(nameof(SkewsInMinutes))]
    public async Task Skewed_status_answers_are_read_for_their_state_not_their_times(int skewMinutes)
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });
        tenant.Emulator.Faults.AddRule(EmulatorRoute.Status, Fault.ClockSkew(TimeSpan.FromMinutes(skewMinutes)), probability: 1);
        var progress = new RecordingProgress();

        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId, progress: progress);

        Assert.True(result.IsDeleted);
        Assert.Equal(
            new ContactDeletionState?[] { ContactDeletionState.SuppressionPending, ContactDeletionState.Suppressed, ContactDeletionState.Deleted },
            progress.Reports.Select(r => r.State).Distinct().ToArray());
        Assert.Equal(result.RequestsMade, tenant.Emulator.Statistics.FaultsInjected(FaultKind.ClockSkew));
    }

    [Fact]
    public async Task A_token_from_a_skewed_auth_server_lives_by_expires_in_on_the_client_clock()
    {
        await using var tenant = await InstrumentedTenant.StartAsync();
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Token, Fault.ClockSkew(TimeSpan.FromHours(5)));
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });

        tenant.Clock.Advance(TimeSpan.FromMinutes(16));
        await tenant.Client.GetDeletionStatusAsync(started.OperationId);
        Assert.Equal(1, tenant.Emulator.Statistics.TokenRequests);

        // 1080 s less the one-minute margin: renewed after 17 minutes, skew or not.
        tenant.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await tenant.Client.GetDeletionStatusAsync(started.OperationId);
        Assert.Equal(2, tenant.Emulator.Statistics.TokenRequests);
        Assert.Equal(0, tenant.Emulator.Statistics.UnauthorizedResponses);
    }
}
