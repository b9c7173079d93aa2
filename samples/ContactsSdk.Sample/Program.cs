using ContactsSdk.Sample.Cli;
using Spectre.Console;

// Every outcome, failures included, is an exit code: see the "Exit codes" section of --help.
return await new SampleCommandLine(AnsiConsole.Console, System.Console.Error).RunAsync(args);
