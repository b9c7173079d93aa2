using System;
using ContactsSdk.Erasure.Deadlines;
using ContactsSdk.Erasure.Diagnostics;
using ContactsSdk.Erasure.Evidence;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Scheduling;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Subjects;
using ContactsSdk.Erasure.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quartz;

namespace ContactsSdk.Erasure;

/// <summary>Registers the erasure workflow.</summary>
public static class ErasureServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IErasureService"/>, the ledger store chosen in <paramref name="configure"/>
    /// (<c>o.UseSqlite("erasure.db")</c>), and the hosted worker: Quartz with its persistent job store
    /// in the same database, started with the host, after the ledger's schema is migrated. Needs
    /// <c>AddContactsSdk(...)</c> for the client. Erasures by email address are resolved to contact
    /// keys through Marketing Cloud's email address search, unless an <see cref="IEmailSubjectResolver"/>
    /// of the application's own is registered first.
    /// </summary>
    /// <exception cref="InvalidOperationException">An option cannot work (no store chosen, no or short hash key, bad intervals).</exception>
    public static IServiceCollection AddContactsErasure(this IServiceCollection services, Action<ErasureOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new ErasureOptions();
        configure(options);
        options.Validate();
        var store = options.Store!;

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => store.CreateStore(provider));
        var subjectKeys = options.SubjectHashKeyRing;
        services.TryAddSingleton(new LedgerChain(subjectKeys[options.LedgerChainKeyId ?? options.SubjectHashKeyId]));
        services.TryAddSingleton(new SubjectHasher(subjectKeys, options.SubjectHashKeyId));
        services.TryAddSingleton(new DigestKeyRing(options.DigestSigningKeys, options.CurrentDigestSigningKeyId));
        services.TryAddSingleton(provider => new LedgerAnchor(
            provider.GetRequiredService<IErasureLedgerStore>(), provider.GetRequiredService<DigestKeyRing>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IErasureCheckpoints, NoCheckpoints>();
        services.TryAddSingleton(provider => new ErasureLedger(
            provider.GetRequiredService<IErasureLedgerStore>(), provider.GetRequiredService<LedgerChain>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ErasureWakeups>();
        services.TryAddSingleton<IEmailSubjectResolver>(provider => new AddressSearchResolver(provider.GetRequiredService<ContactsClient>()));
        services.TryAddTransient(provider => new ErasureStepRunner(
            provider.GetRequiredService<ErasureLedger>(),
            provider.GetRequiredService<ContactsClient>(),
            options,
            provider.GetRequiredService<SubjectHasher>(),
            provider.GetService<IEmailSubjectResolver>(),
            provider.GetRequiredService<IErasureCheckpoints>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<ErasureStepRunner>>() ?? NullLogger<ErasureStepRunner>.Instance));
        services.TryAddSingleton<IErasureService>(provider => new ErasureService(
            provider.GetRequiredService<ErasureLedger>(),
            provider.GetRequiredService<ErasureWakeups>(),
            provider.GetRequiredService<SubjectHasher>(),
            provider.GetService<IEmailSubjectResolver>(),
            provider.GetRequiredService<IOptions<ContactsClientOptions>>().Value,
            provider.GetRequiredService<DeadlineChecker>(),
            provider.GetRequiredService<LedgerAnchor>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new DeadlineChecker(
            provider.GetRequiredService<IErasureLedgerStore>(), options.Deadlines, options.MaxContactsPerDeleteRequest, provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new DeadlineGauges(options.Deadlines, provider.GetRequiredService<TimeProvider>()));
        services.TryAddTransient(provider => new ErasureSweep(
            provider.GetRequiredService<IErasureLedgerStore>(),
            provider.GetRequiredService<ContactsClient>(),
            options,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<ErasureSweep>>() ?? NullLogger<ErasureSweep>.Instance));
        services.TryAddTransient(provider => new ErasureWakeupCheck(
            provider.GetRequiredService<IErasureLedgerStore>(),
            provider.GetRequiredService<ErasureWakeups>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<ErasureWakeupCheck>>() ?? NullLogger<ErasureWakeupCheck>.Instance));
        services.TryAddTransient<AdvanceErasureJob>();
        services.TryAddTransient<SweepDeleteRequestsJob>();
        services.TryAddTransient<CheckDeadlinesJob>();
        services.TryAddTransient<CheckWakeupsJob>();
        services.TryAddTransient<IssueDigestJob>();

        // Registered before Quartz's hosted service, so the ledger is migrated before any job runs.
        services.AddHostedService<ErasureLedgerStartup>();
        services.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(jobStore =>
            {
                store.ConfigureJobStore(jobStore);
                jobStore.ProvisionSchema();
            });
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }
}
