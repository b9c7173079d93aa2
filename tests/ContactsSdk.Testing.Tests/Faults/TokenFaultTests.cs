using System;
using System.Threading.Tasks;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests.Faults;

public sealed class TokenFaultTests
{
    [Theory]
    [InlineData(FaultKind.TokenExpired)]
    [InlineData(FaultKind.TokenRevoked)]
    public async Task A_token_that_dies_mid_wait_stays_dead_until_a_new_one_is_requested(FaultKind kind)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        var operationId = await harness.DeleteKeysAsync(token, "k");
        using (var before = await harness.GetStatusAsync(operationId, token))
        {
            Assert.Equal(200, (int)before.StatusCode);
        }

        harness.Emulator.Faults.Enqueue(
            EmulatorRoute.Status, kind == FaultKind.TokenExpired ? Fault.ExpireToken() : Fault.RevokeToken());

        using (var during = await harness.GetStatusAsync(operationId, token))
        using (var after = await harness.GetStatusAsync(operationId, token))
        {
            await BearerEnforcementTests.AssertNotAuthorizedAsync(during);
            await BearerEnforcementTests.AssertNotAuthorizedAsync(after);
        }

        using var renewed = await harness.GetStatusAsync(operationId, await harness.GetTokenAsync());
        Assert.Equal(200, (int)renewed.StatusCode);
        Assert.Equal(1, harness.Emulator.Statistics.FaultsInjected(kind));
        Assert.Equal(2, harness.Emulator.Statistics.UnauthorizedResponses);
    }

    [Fact]
    public async Task A_delete_whose_token_expires_is_not_carried_out()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var token = await harness.GetTokenAsync();
        harness.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.ExpireToken());

        using var response = await harness.PostDeleteAsync("keys", """{"values":["k"]}""", token);

        await BearerEnforcementTests.AssertNotAuthorizedAsync(response);
        Assert.Empty(harness.Emulator.Operations);
    }

    [Fact]
    public async Task Token_faults_are_refused_on_the_token_route()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        Assert.Throws<ArgumentException>(() => harness.Emulator.Faults.Enqueue(EmulatorRoute.Token, Fault.ExpireToken()));
        Assert.Throws<ArgumentException>(() => harness.Emulator.Faults.AddRule(EmulatorRoute.All, Fault.RevokeToken(), 0.5));
    }
}
