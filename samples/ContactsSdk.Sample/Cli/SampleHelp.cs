namespace ContactsSdk.Sample.Cli;

/// <summary>The parts of the help text that are not a list of commands and options.</summary>
internal static class SampleHelp
{
    public const string Description = """
        ContactsSdk sample: delete contacts in Salesforce Marketing Cloud and follow each deletion
        through both phases (suppression, then deletion) until it is really done.
        Without arguments it runs a demo against a local emulator.
        """;

    public const string Notes = """
        Where it runs:
          Without credentials it starts a local Marketing Cloud emulator on 127.0.0.1 whose clock runs
          200,000 times faster, so a 14-day deletion finishes in seconds. No account is needed. That
          emulator lives as long as the command: a fresh one holds no operations. Like Marketing
          Cloud, it processes one delete call at a time; environment variables change that:
            Emulator__DeleteQueue               false: every call in parallel
            Emulator__DeleteCallFixedTime       a call's fixed processing time (demo default 00:30:00)
            Emulator__DeleteCallTimePerContact  its time per contact (demo default 00:00:00.020)

          With credentials it talks to your Marketing Cloud tenant. Set them as environment variables
          or user secrets (dotnet user-secrets set MarketingCloud:ClientSecret …):
            MarketingCloud__Subdomain      tenant subdomain of the installed package
            MarketingCloud__ClientId       installed package client ID
            MarketingCloud__ClientSecret   installed package client secret
            MarketingCloud__AccountId      optional MID of the business unit
            MarketingCloud__EndpointOverride  optional: one address for auth and REST (for example a
                                              standalone emulator started with ContactsSdk.Emulator.Host)
          Against a real tenant the demo refuses to run: name the contacts with `delete`.

        Erasures (erasure --help):
          erasure submit --request-id GDPR-123 --key <key> [--key <key>…]   submit and follow to the receipt
          erasure list | show <requestId> | verify                         read and check the ledger
          erasure export <requestId> [--out file]                          one receipt as JSON
          erasure export --csv --from 2026-01-01 --to 2026-02-01 [--out file]
          The ledger defaults to a file under your local application data; --ledger names another.
          Its subject-hash key is kept beside it (<ledger>.key): keep the two apart in production.
          The workflow's options can be set as Erasure__<option> (Erasure__MaxContactsPerDeleteRequest,
          Erasure__Deadlines__CheckInterval, …); a value that cannot work is refused before anything runs.
          Without credentials, the emulator's operations are kept beside the ledger too
          (<ledger>.emulator.json), so an interrupted submit, even kill -9, continues when run again.

        Exit codes:
          0    done; every deletion ended as expected
          1    Marketing Cloud or the network refused or failed a request, or there was nothing to read
          2    bad arguments or unusable settings; nothing was sent
          3    a deletion ended but its contacts are not deleted (restored or invalid)
          70   a defect in the sample (please report it)
          130  stopped by Ctrl+C or SIGTERM
        """;
}
