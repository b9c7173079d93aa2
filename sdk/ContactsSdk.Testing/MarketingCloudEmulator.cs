using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Testing.Hosting;
using ContactsSdk.Testing.Lifecycle;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsSdk.Testing;

/// <summary>
/// A local Marketing Cloud: the auth host's token route and the Contacts deletion and restriction routes, served
/// in-process over HTTP on 127.0.0.1. Start one per test with <see cref="StartAsync"/> and
/// <c>await using</c> it.
/// </summary>
public sealed class MarketingCloudEmulator : IAsyncDisposable, IDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private MarketingCloudEmulator(WebApplication app, EmulatorState state, CancellationTokenSource stopping)
    {
        _app = app;
        _state = state;
        _stopping = stopping;
    }

    /// <summary>
    /// The address of every emulated host (<c>http://127.0.0.1:PORT/</c>): the token route is
    /// <c>v2/token</c> under it, and it is the <c>rest_instance_url</c> of every token.
    /// </summary>
    public Uri BaseAddress => _state.BaseAddress;

    /// <summary>The token route's full address.</summary>
    public Uri TokenEndpoint => new(BaseAddress, "v2/token");

    /// <summary>The credentials the token route accepts.</summary>
    public EmulatorCredentials Credentials => _state.Credentials;

    /// <summary>What the emulator saw and did so far.</summary>
    public EmulatorStatistics Statistics => _state.Statistics;

    /// <summary>The faults to inject into coming requests.</summary>
    public FaultPlan Faults => _state.Faults;

    /// <summary>The emulator clock.</summary>
    public TimeProvider TimeProvider => _state.Time;

    /// <summary>Every deletion created so far, by ascending ID.</summary>
    public IReadOnlyList<EmulatedOperation> Operations => _state.Operations.Snapshot();

    /// <summary>Every restriction created so far, by ascending ID (deletions and restrictions share one ID sequence).</summary>
    public IReadOnlyList<EmulatedRestriction> Restrictions => _state.Restrictions.Snapshot();

    /// <summary>
    /// The restorable period, in days, of deletions created from now on: <see cref="EmulatorOptions.NumberOfRestorableDays"/>
    /// until a configSettings request changes it.
    /// </summary>
    public int NumberOfRestorableDays => _state.DeletionSettings.NumberOfRestorableDays;

    /// <summary>Starts an emulator and waits until it accepts connections.</summary>
    /// <param name="options">How it behaves; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<MarketingCloudEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        options.Validate();

        var stopping = new CancellationTokenSource();
        var state = new EmulatorState(options, stopping.Token);
        var app = EmulatorApplication.Build(state, options.Port);
        try
        {
            await app.StartAsync(cancellationToken);
            state.BaseAddress = BoundAddress(app);
        }
        catch
        {
            await app.DisposeAsync();
            stopping.Dispose();
            throw;
        }

        EmulatorLog.Listening(state.Logger, state.BaseAddress);
        return new MarketingCloudEmulator(app, state, stopping);
    }

    /// <summary>The deletion with the given ID, or null when there is none.</summary>
    public EmulatedOperation? FindOperation(long operationId) => _state.Operations.Find(operationId);

    /// <summary>The restriction with the given ID, or null when there is none.</summary>
    public EmulatedRestriction? FindRestriction(long operationId) => _state.Restrictions.Find(operationId);

    /// <summary>Revokes every token issued so far: the next Contacts request with any of them gets 401.</summary>
    public void RevokeAllTokens()
    {
        _state.Tokens.RevokeAll();
        EmulatorLog.AllTokensRevoked(_state.Logger);
    }

    /// <summary>Stops the server; requests held by an injected delay are aborted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            _stopping.Dispose();
        }
    }

    /// <summary>
    /// As <see cref="DisposeAsync"/>, for a <c>using</c> or a test class's <c>Dispose</c>: waits for the
    /// server to stop (prefer <c>await using</c> where the caller can await).
    /// </summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static Uri BoundAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        // Kestrel reports "http://127.0.0.1:PORT"; the trailing slash makes relative paths resolve under it.
        return new Uri(addresses.Single().TrimEnd('/') + "/");
    }
}
