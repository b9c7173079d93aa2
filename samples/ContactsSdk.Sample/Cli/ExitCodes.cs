namespace ContactsSdk.Sample.Cli;

/// <summary>The sample's exit codes, documented in its help text.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done; every deletion ended as expected.</summary>
    public const int Success = 0;

    /// <summary>Marketing Cloud (or the network) refused or failed a request, or there was nothing to read.</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments or unusable settings: nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>A deletion reached its end but the contacts are not deleted (restored or invalid).</summary>
    public const int NotDeleted = 3;

    /// <summary>A defect in the sample itself: an exception nobody expected.</summary>
    public const int Unexpected = 70;

    /// <summary>Stopped by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
