namespace ContactsSdk.Generator.Model;

/// <summary>The JSON type of a status field's wire values.</summary>
internal enum WireKind
{
    /// <summary>A string (<c>type: string</c>); Kiota types the property <c>string?</c>.</summary>
    String,

    /// <summary>An integer (<c>type: integer</c>); Kiota types the property <c>int?</c> or <c>long?</c>.</summary>
    Integer,
}

/// <summary>The outcome category of a status value or lifecycle state (mirrors the generated StatusOutcome).</summary>
internal enum OutcomeKind
{
    /// <summary>Not decided yet.</summary>
    InProgress = 0,

    /// <summary>Ended as intended.</summary>
    Succeeded = 1,

    /// <summary>Stopped on purpose before it ended (for example restored at the customer's request).</summary>
    Cancelled = 2,

    /// <summary>Ended in an error.</summary>
    Failed = 3,
}
