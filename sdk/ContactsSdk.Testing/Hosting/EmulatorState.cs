using System;
using System.Threading;
using ContactsSdk.Testing.Auth;
using ContactsSdk.Testing.Addresses;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Testing.Gateway;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Testing.Persistence;
using ContactsSdk.Testing.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactsSdk.Testing.Hosting;

/// <summary>Everything one emulator instance holds, shared by its routes and middleware.</summary>
internal sealed class EmulatorState
{
    public EmulatorState(EmulatorOptions options, CancellationToken stopping)
    {
        Options = options;
        Stopping = stopping;
        Credentials = new EmulatorCredentials(options.ClientId, options.ClientSecret, options.AccountId, options.GrantedScope);
        var timings = LifecycleTimings.From(options);
        var ids = _ids;
        DeletionSettings = new DeletionSettings(options.NumberOfRestorableDays);
        Operations = new OperationStore(timings, DeletionSettings, ids, options.OutcomeSelector);
        Restrictions = new RestrictionStore(timings, ids);
        Contacts = new ContactDirectory(options.Contacts);
        Faults = new FaultPlan(options.FaultSeed);
        RateLimiter = options.RateLimitMaxRequests is { } max ? new FixedWindowRateLimiter(max, options.RateLimitWindow) : null;
        Logger = options.LoggerFactory?.CreateLogger("ContactsSdk.Testing") ?? NullLogger.Instance;
        if (options.StatePath is { } path)
        {
            _stateFile = new EmulatorStateFile(path);
            _stateFile.Load(ids, DeletionSettings, Operations, Restrictions, timings);
        }
    }

    private readonly OperationIdSequence _ids = new();
    private readonly EmulatorStateFile? _stateFile;

    /// <summary>
    /// Writes the operations to <see cref="EmulatorOptions.StatePath"/>, when there is one. Called after
    /// every change and before the response that reports it.
    /// </summary>
    public void SaveState() => _stateFile?.Save(_ids, DeletionSettings, Operations, Restrictions);

    public EmulatorOptions Options { get; }

    public TimeProvider Time => Options.TimeProvider;

    /// <summary>The clock tokens are issued and expire on: the emulator clock unless the options name another.</summary>
    public TimeProvider TokenTime => Options.TokenTimeProvider ?? Options.TimeProvider;

    public EmulatorCredentials Credentials { get; }

    public TokenStore Tokens { get; } = new();

    public OperationStore Operations { get; }

    public RestrictionStore Restrictions { get; }

    /// <summary>The contacts the email address search finds.</summary>
    public ContactDirectory Contacts { get; }

    /// <summary>The settings configSettings changes; deletions copy them when created.</summary>
    public DeletionSettings DeletionSettings { get; }

    public EmulatorStatistics Statistics { get; } = new();

    public FaultPlan Faults { get; }

    public FixedWindowRateLimiter? RateLimiter { get; }

    public ILogger Logger { get; }

    /// <summary>Cancelled when the emulator stops, so that injected delays do not hold up shutdown.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>The address the server listens on; known once it is bound.</summary>
    public Uri BaseAddress { get; set; } = new("http://127.0.0.1/");

    /// <summary>The clock as the response to <paramref name="context"/> reports it.</summary>
    public WireClock ClockFor(HttpContext context) =>
        new(Time.GetUtcNow(), Options.ServerUtcOffset, RequestClockSkew.Get(context));
}
