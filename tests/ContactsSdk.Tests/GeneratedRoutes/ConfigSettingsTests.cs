using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.Models;
using ContactsSdk.Tests.Support;
using Xunit;

namespace ContactsSdk.Tests.GeneratedRoutes;

/// <summary>configSettings through the generated client, against the emulator on a virtual clock.</summary>
public sealed class ConfigSettingsTests
{
    private const string SuppressionRestoreUntilDays = "SuppressionRestoreUntilDays";

    [Fact]
    public async Task Minus_one_makes_the_next_deletion_skip_its_restorable_period()
    {
        // Both deletions suppressed after PendingDuration, side by side: the setting is the subject, not the queue.
        await using var tenant = await EmulatedTenant.StartAsync(clock => new() { TimeProvider = clock, DeleteQueueEnabled = false });
        var api = tenant.Client.Api.Contacts.V1.Contacts.Actions.DeletePath;
        var before = await tenant.Client.StartDeletionByKeysAsync(["before-the-setting"]);

        var stored = await api.ConfigSettings.PostAsync(Setting(SuppressionRestoreUntilDays, "-1"));
        var started = await tenant.Client.StartDeletionByKeysAsync(["after-the-setting"]);

        Assert.NotNull(stored);
        Assert.False(stored.HasErrors);
        Assert.Empty(stored.ResultMessages!);
        Assert.NotNull(stored.ResponseDateTime);
        var pending = await api.Status.GetAsync(r => r.QueryParameters.OperationID = started.OperationId);
        Assert.Equal(0, pending!.NumberofRestorableDays);
        Assert.Equal(new ContactDeletionStatus(ContactDeletionPhase.Suppression, ContactDeletionState.SuppressionPending), pending.GetDeletionState());

        tenant.Clock.Advance(EmulatorOptions.DefaultPendingDuration);
        var deleting = await api.Status.GetAsync(r => r.QueryParameters.OperationID = started.OperationId);
        var earlier = await api.Status.GetAsync(r => r.QueryParameters.OperationID = before.OperationId);

        Assert.Equal(new ContactDeletionStatus(ContactDeletionPhase.Delete, ContactDeletionState.Deleting), deleting.GetDeletionState());
        Assert.Equal(DeletePhaseStatus.Processing, Assert.Single(deleting!.BackgroundOperationsSummary!).GetDeletePhaseStatus());
        // The deletion started before the setting keeps its 14 days.
        Assert.Equal(EmulatorOptions.DefaultNumberOfRestorableDays, earlier!.NumberofRestorableDays);
        Assert.Equal(ContactDeletionState.Suppressed, earlier.GetDeletionState().State);
    }

    [Fact]
    public async Task After_minus_one_a_deletion_is_fully_processed_within_the_pending_and_delete_phase_times()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        await tenant.Client.Api.Contacts.V1.Contacts.Actions.DeletePath.ConfigSettings.PostAsync(Setting(SuppressionRestoreUntilDays, "-1"));
        var started = await tenant.Client.StartDeletionByKeysAsync(["contact-1"]);

        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId);

        Assert.True(result.IsDeleted);
        Assert.Equal(0, result.LastResponse.NumberofRestorableDays);
        var lifecycle = EmulatorOptions.DefaultPendingDuration + EmulatorOptions.DefaultDeletePhaseDuration;
        Assert.InRange(result.Elapsed, lifecycle, lifecycle + TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task A_value_the_service_cannot_use_comes_back_as_a_service_error_and_changes_nothing()
    {
        await using var tenant = await EmulatedTenant.StartAsync();

        var refused = await tenant.Client.Api.Contacts.V1.Contacts.Actions.DeletePath.ConfigSettings.PostAsync(Setting(SuppressionRestoreUntilDays, "-5"));

        Assert.True(refused!.HasErrors);
        var message = Assert.Single(refused.ResultMessages!);
        Assert.Equal("Error", message.ResultClass);
        Assert.Equal("InvalidSettingValue", message.ResultCode);
        Assert.Equal(EmulatorOptions.DefaultNumberOfRestorableDays, tenant.Emulator.NumberOfRestorableDays);
    }

    private static ConfigSettingsRequest Setting(string key, string value) =>
        new() { Items = new List<ConfigSetting> { new() { SettingKey = key, Value = value } } };
}
