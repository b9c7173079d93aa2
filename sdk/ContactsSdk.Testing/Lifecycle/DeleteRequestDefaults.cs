namespace ContactsSdk.Testing.Lifecycle;

/// <summary>Values a delete request may leave out.</summary>
internal static class DeleteRequestDefaults
{
    /// <summary>The delete operation type when the body names none.</summary>
    public const string DeleteOperationType = "ContactAndAttributes";

    /// <summary>The list type of a list reference when the body names none: 3, a data extension.</summary>
    public const int ListTypeId = 3;
}
