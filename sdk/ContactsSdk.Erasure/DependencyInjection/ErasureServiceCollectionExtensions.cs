using System;
using ContactsSdk;
using ContactsSdk.Erasure;
using ContactsSdk.Erasure.Deadlines;
using ContactsSdk.Erasure.DependencyInjection;
using ContactsSdk.Erasure.Diagnostics;
using ContactsSdk.Erasure.Evidence;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Scheduling;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Subjects;
using ContactsSdk.Erasure.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quartz;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the erasure workflow.</summary>
public static class ErasureServiceCollectionExtensions
{
    /// <summary>
    /// Adds the erasure workflow with its options bound from <paramref name="configuration"/> (for example
    /// the <c>Erasure</c> section: <c>Sqlite:Path</c> or <c>PostgreSQL:ConnectionString</c>, <c>SubjectHashKey</c>
    /// in base64, the intervals and limits under their property names, <c>Deadlines:…</c>), checked when
    /// the host starts. See <see cref="AddContactsErasure(IServiceCollection, Action{ErasureOptions})"/>.
    /// </summary>
    public static IServiceCollection AddContactsErasure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ErasureOptions>().Bind(configuration);
        return services.AddContactsErasureCore(ProbeStore(configuration, configure: null));
    }

    /// <summary>
    /// Adds the erasure workflow with options bound from <paramref name="configuration"/>, then set by
    /// <paramref name="configure"/> (the place for what configuration should not hold, such as keys
    /// from a vault). Checked when the host starts.
    /// </summary>
    public static IServiceCollection AddContactsErasure(this IServiceCollection services, IConfiguration configuration, Action<ErasureOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ErasureOptions>().Bind(configuration).Configure(configure);
        return services.AddContactsErasureCore(ProbeStore(configuration, configure));
    }

    /// <summary>
    /// Adds <see cref="IErasureService"/>, the ledger store chosen in <paramref name="configure"/>
    /// (<c>o.UseSqlite("erasure.db")</c>), and the hosted worker: Quartz with its persistent job store
    /// in the same database, started with the host, after the ledger's schema is migrated. Needs
    /// <c>AddContactsSdk(...)</c> for the client. Erasures by email address are resolved to contact
    /// keys through Marketing Cloud's email address search, unless an <see cref="IEmailSubjectResolver"/>
    /// of the application's own is registered first.
    /// </summary>
    /// <remarks>
    /// The options are checked when the host starts (or, without a host, when the workflow is first
    /// resolved): an <see cref="OptionsValidationException"/> names every setting that cannot work.
    /// <paramref name="configure"/> also runs once here, to learn the store: Quartz's job store is wired
    /// at registration, and the store cannot be changed afterwards.
    /// </remarks>
    public static IServiceCollection AddContactsErasure(this IServiceCollection services, Action<ErasureOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ErasureOptions>().Configure(configure);
        return services.AddContactsErasureCore(ProbeStore(configuration: null, configure));
    }

    /// <summary>
    /// The store the options will name. Quartz 4 registers its job store's services when it is added, so
    /// the store is read now, from the same configuration and delegate as the options; null when they
    /// name none (or both): the validator then fails the start, saying which.
    /// </summary>
    private static LedgerStoreChoice? ProbeStore(IConfiguration? configuration, Action<ErasureOptions>? configure)
    {
        var probe = new ErasureOptions();
        configuration?.Bind(probe);
        configure?.Invoke(probe);
        return LedgerStoreChoice.From(probe);
    }

    private static IServiceCollection AddContactsErasureCore(this IServiceCollection services, LedgerStoreChoice? store)
    {
        services.AddOptions<ErasureOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ErasureOptions>>(new ErasureOptionsValidator(store)));
        // The workflow's classes take the options themselves, resolved (and so checked) once.
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<ErasureOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            // The options first: without a store, their check names the settings to set.
            _ = provider.GetRequiredService<ErasureOptions>();
            return store!.CreateStore();
        });
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<ErasureOptions>();
            return new LedgerChain(options.SubjectHashKeyRing[options.LedgerChainKeyId ?? options.SubjectHashKeyId]);
        });
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<ErasureOptions>();
            return new SubjectHasher(options.SubjectHashKeyRing, options.SubjectHashKeyId);
        });
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<ErasureOptions>();
            return new DigestKeyRing(options.DigestSigningKeys, options.CurrentDigestSigningKeyId);
        });
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
            provider.GetRequiredService<ErasureOptions>(),
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
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<ErasureOptions>();
            return new DeadlineChecker(provider.GetRequiredService<IErasureLedgerStore>(), options.Deadlines, options.MaxContactsPerDeleteRequest, provider.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton(provider => new DeadlineGauges(provider.GetRequiredService<ErasureOptions>().Deadlines, provider.GetRequiredService<TimeProvider>()));
        services.TryAddTransient(provider => new ErasureSweep(
            provider.GetRequiredService<IErasureLedgerStore>(),
            provider.GetRequiredService<ContactsClient>(),
            provider.GetRequiredService<ErasureOptions>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<ErasureSweep>>() ?? NullLogger<ErasureSweep>.Instance));
        services.TryAddTransient(provider => new ErasureWakeupCheck(
            provider.GetRequiredService<IErasureLedgerStore>(),
            provider.GetRequiredService<ErasureWakeups>(),
            provider.GetRequiredService<ErasureOptions>(),
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
            // Without a store the host does not start (the validator says why), so no job store is wired.
            if (store is not null)
            {
                quartz.UsePersistentStore(jobStore =>
                {
                    store.ConfigureJobStore(jobStore);
                    jobStore.ProvisionSchema();
                });
            }
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }
}
