using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;

namespace ContactsSdk.Sample.Cli;

/// <summary>
/// The command line: parses the arguments (each bad one gets its own message), runs the command,
/// and turns every failure into one line on standard error and an exit code. Nothing escapes as an
/// unhandled exception.
/// </summary>
internal sealed class SampleCommandLine
{
    private readonly IAnsiConsole _console;
    private readonly TextWriter _error;

    public SampleCommandLine(IAnsiConsole console, TextWriter error)
    {
        _console = console;
        _error = error;
        Root = Build();
    }

    public RootCommand Root { get; }

    public async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = Root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                _error.WriteLine("error: " + error.Message);
            }

            _error.WriteLine("Run with --help to see the commands and their arguments.");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            // Failures are reported by RunGuardedAsync, one line each; Ctrl+C and SIGTERM cancel the token.
            EnableDefaultExceptionHandler = false,
            Output = _console.Profile.Out.Writer,
            Error = _error,
        };
        return await parsed.InvokeAsync(invocation);
    }

    private RootCommand Build()
    {
        var operationId = SampleArguments.OperationId();
        var status = new Command("status", "Read the status of one deletion once and interpret it.") { operationId };
        status.SetAction((result, cancellation) =>
            RunGuardedAsync(run => run.StatusAsync(result.GetValue(operationId)), cancellation));

        var keys = SampleArguments.ContactKeys();
        var delete = new Command("delete", "Delete the contacts with these contact keys and follow the deletion to its end.") { keys };
        delete.SetAction((result, cancellation) =>
            RunGuardedAsync(run => run.DeleteAsync(result.GetValue(keys)!), cancellation));

        var erasure = Erasure.ErasureCommandLine.Build(_console, _error, RunGuardedAsync);
        var root = new RootCommand(SampleHelp.Description) { status, delete, erasure };
        root.SetAction((_, cancellation) => RunGuardedAsync(run => run.DemoAsync(), cancellation));
        HelpWithNotes.Attach(root, SampleHelp.Notes);
        return root;
    }

    private Task<int> RunGuardedAsync(Func<SampleRun, Task<int>> command, CancellationToken cancellation) =>
        RunGuardedAsync(
            async token =>
            {
                await using var run = await SampleRun.StartAsync(_console, _error, token);
                return await command(run);
            },
            cancellation);

    private async Task<int> RunGuardedAsync(Func<CancellationToken, Task<int>> command, CancellationToken cancellation)
    {
        try
        {
            return await command(cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            _error.WriteLine("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception)
        {
            var report = FailureReport.From(exception);
            _error.WriteLine("error: " + report.Line);
            return report.ExitCode;
        }
    }
}
