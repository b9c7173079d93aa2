using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Models;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ContactsSdk.Tests.Mocking;

/// <summary>
/// A consumer's unit test replaces <see cref="ContactsClient"/> with a hand-written subclass, as
/// the Azure SDK guidelines make clients mockable: a protected parameterless constructor and
/// virtual members. No Marketing Cloud, no emulator, no network.
/// </summary>
public sealed class ContactsClientMockingTests
{
    [Fact]
    public async Task A_consumer_runs_against_a_subclass_that_overrides_the_members_it_uses()
    {
        var fake = new ScriptedContactsClient(operationId: 42, ContactDeletionState.Deleted);
        await using var provider = new ServiceCollection()
            .AddSingleton<ContactsClient>(fake)
            .AddTransient<ErasureService>()
            .BuildServiceProvider();

        var verdict = await provider.GetRequiredService<ErasureService>().EraseAsync("subscriber-key-1");

        Assert.Equal("operation 42: Deleted", verdict);
        Assert.Equal(new[] { "subscriber-key-1" }, fake.KeysDeleted);
        Assert.Equal(new long[] { 42 }, fake.OperationsAwaited);
    }

    [Fact]
    public async Task A_member_the_subclass_does_not_override_says_so_instead_of_calling_anything()
    {
        using var fake = new ScriptedContactsClient(operationId: 1, ContactDeletionState.Deleted);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fake.GetDeletionStatusAsync(1));
        Assert.Contains("mocking", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => fake.Api);
    }

    [Fact]
    public void Every_public_instance_member_can_be_overridden_and_the_mocking_constructor_is_protected()
    {
        var type = typeof(ContactsClient);
        var constructor = type.GetConstructor(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic, Type.EmptyTypes);
        Assert.True(constructor is { IsFamily: true }, "ContactsClient needs a protected parameterless constructor.");
        Assert.False(type.IsSealed);

        var notVirtual = type.GetMethods(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsVirtual && m.Name != nameof(IDisposable.Dispose))
            .Select(m => m.Name)
            .ToArray();
        Assert.Empty(notVirtual);
    }

    /// <summary>Code under test in a consumer's application: erase one contact and report the verdict.</summary>
    private sealed class ErasureService(ContactsClient contacts)
    {
        public async Task<string> EraseAsync(string contactKey)
        {
            var started = await contacts.StartDeletionByKeysAsync(new[] { contactKey });
            var result = await contacts.WaitForDeletionAsync(started.OperationId);
            return $"operation {result.OperationId}: {result.State}";
        }
    }

    /// <summary>The consumer's hand-written test double.</summary>
    private sealed class ScriptedContactsClient(long operationId, ContactDeletionState verdict) : ContactsClient
    {
        public List<string> KeysDeleted { get; } = new();

        public List<long> OperationsAwaited { get; } = new();

        public override Task<DeletionStarted> StartDeletionByKeysAsync(IEnumerable<string> contactKeys, CancellationToken cancellationToken = default)
        {
            KeysDeleted.AddRange(contactKeys);
            return Task.FromResult(ContactsModelFactory.DeletionStarted(operationId, new DeleteContactsResponse { OperationID = operationId, OperationInitiated = true }));
        }

        public override Task<DeletionResult> WaitForDeletionAsync(long id, DeletionWaitOptions? options = null, IProgress<DeletionProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            OperationsAwaited.Add(id);
            return Task.FromResult(ContactsModelFactory.DeletionResult(id, verdict, new DeleteStatusResponse(), TimeSpan.FromHours(3), requestsMade: 7));
        }
    }
}
