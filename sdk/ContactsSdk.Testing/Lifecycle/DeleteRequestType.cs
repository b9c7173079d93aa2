namespace ContactsSdk.Testing.Lifecycle;

/// <summary>The <c>type</c> query parameter of a delete request: how the contacts are named.</summary>
public enum DeleteRequestType
{
    /// <summary><c>type=keys</c>: contact keys in <c>values</c>.</summary>
    Keys,

    /// <summary><c>type=ids</c>: numeric contact IDs in <c>values</c>.</summary>
    Ids,

    /// <summary><c>type=listReference</c>: the contacts of a list (usually a data extension).</summary>
    ListReference,
}
