namespace ContactsSdk.Testing.Lifecycle;

/// <summary>The status strings of the wire format.</summary>
internal static class WireStatus
{
    public const string Pending = "Pending";
    public const string Completed = "Completed";
    public const string Processing = "Processing";
    public const string Aborted = "Aborted";
    public const string Invalid = "Invalid";

    public static string Of(DeleteOutcome outcome) => outcome switch
    {
        DeleteOutcome.Aborted => Aborted,
        DeleteOutcome.Invalid => Invalid,
        _ => Completed,
    };
}
