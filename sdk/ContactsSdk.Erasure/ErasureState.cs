namespace ContactsSdk.Erasure;

/// <summary>Where an erasure stands in the workflow. Stored by name in the ledger: never renumber or rename.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ErasureState>))]
public enum ErasureState
{
    /// <summary>Recorded; its email addresses still have to be resolved to contact keys.</summary>
    Submitted,

    /// <summary>Its contact keys or IDs are known and no delete request is in flight: the next step sends one.</summary>
    ReadyToSend,

    /// <summary>The intent to send was recorded: the delete request may be in flight or may have been answered.</summary>
    Sending,

    /// <summary>The delete request's outcome is unknown: the analytics route is checked before anything is resent.</summary>
    Reconciling,

    /// <summary>Marketing Cloud accepted the deletion (an operation ID is known); its status is followed.</summary>
    Accepted,

    /// <summary>The verdict is recorded; the receipt is still to be written.</summary>
    Concluded,

    /// <summary>The receipt is written: nothing more will happen.</summary>
    Closed,
}

/// <summary>How an erasure ended. Stored by name in the ledger: never renumber or rename.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ErasureVerdict>))]
public enum ErasureVerdict
{
    /// <summary>Marketing Cloud reported the delete phase Completed: the contacts are deleted.</summary>
    Deleted,

    /// <summary>The deletion was aborted and the contacts restored to active.</summary>
    Restored,

    /// <summary>Marketing Cloud reported the deletion Invalid: it will not be processed.</summary>
    Invalid,

    /// <summary>Marketing Cloud refused the delete request; no deletion was started.</summary>
    FailedToStart,

    /// <summary>The email addresses matched no contact: there was nothing to delete.</summary>
    NoMatchingContacts,
}

/// <summary>What an erasure's subjects are. Stored by name in the ledger.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SubjectKind>))]
public enum SubjectKind
{
    /// <summary>Contact keys (subscriber keys).</summary>
    ContactKeys,

    /// <summary>Numeric contact IDs.</summary>
    ContactIds,

    /// <summary>Email addresses, resolved to contact keys before the deletion (a recorded step).</summary>
    EmailAddresses,
}
