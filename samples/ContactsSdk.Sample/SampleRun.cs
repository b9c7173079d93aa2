using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Sample.Cli;
using ContactsSdk.Sample.Display;
using Spectre.Console;

namespace ContactsSdk.Sample;

/// <summary>
/// One run of a command: the target (tenant or in-process emulator), a client for it, and the rules
/// that depend on where the sample runs.
/// </summary>
internal sealed class SampleRun : IAsyncDisposable
{
    private readonly SampleTarget _target;
    private readonly ContactsClient _client;
    private readonly SampleCommands _commands;
    private readonly TextWriter _error;
    private readonly CancellationToken _cancellation;

    private SampleRun(SampleTarget target, ContactsClient client, IAnsiConsole console, TextWriter error, CancellationToken cancellation)
    {
        _target = target;
        _client = client;
        _error = error;
        _cancellation = cancellation;
        _commands = new SampleCommands(client, console);
    }

    public static async Task<SampleRun> StartAsync(IAnsiConsole console, TextWriter error, CancellationToken cancellation)
    {
        var target = await SampleTarget.CreateAsync();
        try
        {
            // Validates the settings: a half-filled configuration fails here, before anything is sent.
            var client = new ContactsClient(target.Options, target.Time);
            console.Line($"ContactsSdk sample, talking to the {target.Description}.");
            return new SampleRun(target, client, console, error, cancellation);
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
    }

    public Task<int> DemoAsync()
    {
        if (!_target.IsEmulator)
        {
            _error.WriteLine("error: credentials are configured, so the demo would delete real contacts. Name them: delete <key> [<key>…]");
            return Task.FromResult(ExitCodes.Usage);
        }

        return _commands.DemoAsync(_cancellation);
    }

    public Task<int> DeleteAsync(IReadOnlyList<string> contactKeys) => _commands.DeleteAsync(contactKeys, _cancellation);

    public Task<int> StatusAsync(long operationId)
    {
        if (_target.Emulator is { } emulator && emulator.FindOperation(operationId) is null)
        {
            // Asking would only get "operation not found": say why instead.
            _error.WriteLine(
                $"error: the emulator this command started is fresh and holds no operations, so there is no operation {operationId} to read. " +
                "Run the demo or `delete <key>` to watch a deletion, or configure credentials to read a real one (see --help).");
            return Task.FromResult(ExitCodes.Failed);
        }

        return _commands.StatusAsync(operationId, _cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _target.DisposeAsync();
    }
}
