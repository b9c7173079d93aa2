using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ContactsSdk.Sample;

/// <summary>What the user asked for on the command line.</summary>
internal sealed record SampleArguments(SampleCommand Command, IReadOnlyList<string> ContactKeys, long OperationId)
{
    public const string Usage = """
        ContactsSdk sample: delete contacts in Salesforce Marketing Cloud and follow the deletion
        through both phases until it is really done.

        Usage:
          dotnet run --project samples/ContactsSdk.Sample [command]

        Commands:
          (none)                 Demo: delete three contacts and watch the deletion to its end.
          delete <key> [<key>…]  Delete the contacts with these contact keys and wait for the end.
          status <operationID>   Read the status of one deletion once and interpret it.
          --help                 Show this text.

        Where it runs:
          Without credentials it starts a local Marketing Cloud emulator on 127.0.0.1 whose clock
          runs fast, so a 14-day deletion finishes in seconds. No account is needed.

          With credentials it talks to your Marketing Cloud tenant. Set them as environment
          variables or user secrets (dotnet user-secrets set MarketingCloud:ClientSecret …):
            MarketingCloud__Subdomain      tenant subdomain of the installed package
            MarketingCloud__ClientId       installed package client ID
            MarketingCloud__ClientSecret   installed package client secret
            MarketingCloud__AccountId      optional MID of the business unit
          Against a real tenant the demo refuses to run: name the contacts with `delete`.
        """;

    public static SampleArguments Parse(string[] args)
    {
        if (args.Length == 0)
        {
            return new SampleArguments(SampleCommand.Demo, Array.Empty<string>(), 0);
        }
        switch (args[0])
        {
            case "--help" or "-h" or "help":
                return new SampleArguments(SampleCommand.Help, Array.Empty<string>(), 0);
            case "delete" when args.Length > 1:
                return new SampleArguments(SampleCommand.Delete, args.Skip(1).ToArray(), 0);
            case "status" when args.Length == 2 && long.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0:
                return new SampleArguments(SampleCommand.Status, Array.Empty<string>(), id);
            default:
                throw new ArgumentException($"Unrecognized arguments: {string.Join(' ', args)}. Run with --help.");
        }
    }
}

/// <summary>The sample's commands.</summary>
internal enum SampleCommand
{
    Demo,
    Delete,
    Status,
    Help,
}
