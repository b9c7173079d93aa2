using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure;
using ContactsSdk.Erasure.Evidence;
using ContactsSdk.Erasure.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace ContactsSdk.Sample.Erasure;

/// <summary>
/// The erasure workflow for one command: the target (tenant, or the emulator persisted beside the
/// ledger), and a generic host with the SDK, the SQLite ledger and the Quartz worker. Only a command
/// that moves erasures forward starts the worker; <c>submit --no-wait</c> starts the host without it
/// (the ledger is migrated and the erasure's wake-up stored, nothing fires); the others read the
/// ledger through the same service.
/// </summary>
internal sealed class ErasureSession : IAsyncDisposable
{
    private readonly SampleTarget _target;
    private readonly IHost _host;
    private bool _started;

    private ErasureSession(SampleTarget target, IHost host)
    {
        _target = target;
        _host = host;
        Service = host.Services.GetRequiredService<IErasureService>();
    }

    public IErasureService Service { get; }

    public string TargetDescription => _target.Description;

    /// <param name="files">The ledger and what is kept beside it.</param>
    /// <param name="runsWorker">
    /// Whether <see cref="StartAsync"/> starts the Quartz worker (which sends, polls and closes
    /// erasures) or only prepares the ledger and the job store so that an erasure can be recorded.
    /// </param>
    public static async Task<ErasureSession> OpenAsync(ErasureFiles files, bool runsWorker = true)
    {
        var subjectKeys = files.LoadOrCreateKeyRing();
        var signingKeys = files.SigningKeys.LoadOrCreate();
        var target = await SampleTarget.CreateForErasureAsync(files.EmulatorStatePath);
        try
        {
            ContactsClientOptionsValidator.ThrowIfInvalid(target.Options);
            var session = new ErasureSession(target, BuildHost(files, subjectKeys, signingKeys, target, runsWorker));
            await session.MigrateAsync();
            return session;
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Brings an existing ledger to this version's schema, so read commands work on a ledger the previous
    /// version wrote before any worker started. Best effort: a ledger that cannot be written (a read-only
    /// copy for an auditor) is read as it is, and a read that needs the new schema then says what failed.
    /// </summary>
    private async Task MigrateAsync()
    {
        try
        {
            await _host.Services.GetRequiredService<IErasureLedgerStore>().MigrateAsync();
        }
        catch (ErasureLedgerException)
        {
        }
    }

    /// <summary>
    /// Starts the host: it migrates the ledger and, when the session runs the worker, carries every
    /// open erasure forward.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _host.StartAsync(cancellationToken);
        _started = true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_started)
            {
                // Lets a step in progress finish and record itself; the next run continues from there.
                await _host.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            _host.Dispose();
            await _target.DisposeAsync();
        }
    }

    private static IHost BuildHost(
        ErasureFiles files, (IReadOnlyDictionary<string, byte[]> Keys, string CurrentId) subjectKeys, IReadOnlyList<DigestSigningKey> signingKeys, SampleTarget target, bool runsWorker)
    {
        // No default configuration sources or console logging: the command's output is its own.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var client = target.Options;
        builder.Services.AddContactsSdk(options =>
        {
            options.Subdomain = client.Subdomain;
            options.ClientId = client.ClientId;
            options.ClientSecret = client.ClientSecret;
            options.AccountId = client.AccountId;
            options.EndpointOverride = client.EndpointOverride;
        });
        // Any workflow option from Erasure__… settings; the ledger, keys and the emulator's pace are the command's own.
        builder.Services.AddContactsErasure(SampleTarget.ErasureSettings(), options =>
        {
            options.UseSqlite(files.LedgerPath);
            options.SubjectHashKey = subjectKeys.Keys[subjectKeys.CurrentId];
            options.SubjectHashKeyId = subjectKeys.CurrentId;
            foreach (var (id, retired) in subjectKeys.Keys.Where(k => k.Key != subjectKeys.CurrentId))
            {
                options.RetiredSubjectHashKeys[id] = retired;
            }

            // The chain keeps the key the ledger was started with: entries old and new verify alike.
            options.LedgerChainKeyId = ErasureFiles.FirstKeyId;
            foreach (var signingKey in signingKeys)
            {
                options.DigestSigningKeys.Add(signingKey);
            }

            options.CurrentDigestSigningKeyId = SigningKeyFiles.CurrentId(signingKeys);
            if (target.IsEmulator)
            {
                // The emulator's deletion takes seconds; poll it at that scale.
                options.FirstPollDelay = TimeSpan.FromMilliseconds(500);
                options.MaxPollInterval = TimeSpan.FromSeconds(1);
                options.RetryDelay = TimeSpan.FromSeconds(1);
                options.SendSlotRetryDelay = TimeSpan.FromMilliseconds(500);
                options.ReconcileSettleTime = TimeSpan.FromSeconds(2);
            }
        });
        if (!runsWorker)
        {
            // The scheduler is built (its job store receives the wake-up) but never started: nothing fires.
            builder.Services.Configure<QuartzHostedServiceOptions>(options => options.AutoStart = false);
        }
        return builder.Build();
    }
}
