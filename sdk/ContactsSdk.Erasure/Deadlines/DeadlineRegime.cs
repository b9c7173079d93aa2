namespace ContactsSdk.Erasure;

/// <summary>Which legal deadline an erasure is held to. Stored by name in the ledger: never renumber or rename.</summary>
public enum DeadlineRegime
{
    /// <summary>GDPR Art. 12(3): one calendar month from receipt, extendable by two more months.</summary>
    Gdpr,

    /// <summary>CCPA (Cal. Civ. Code 1798.130): 45 calendar days from receipt, extendable by 45 more.</summary>
    Ccpa,

    /// <summary>A period of the caller's choosing, in days, with no legal maximum for extensions.</summary>
    Custom,
}

/// <summary>Why a deadline was extended: a code, so that reports can count reasons without reading free text. Stored by name.</summary>
public enum DeadlineExtensionReason
{
    /// <summary>The request is complex (GDPR Art. 12(3)).</summary>
    Complexity,

    /// <summary>The controller has received many requests (GDPR Art. 12(3)).</summary>
    NumberOfRequests,

    /// <summary>Another reason, given in the extension's text.</summary>
    Other,
}
