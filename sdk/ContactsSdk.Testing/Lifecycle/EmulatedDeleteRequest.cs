using System;
using System.Collections.Generic;

namespace ContactsSdk.Testing.Lifecycle;

/// <summary>A delete request as the emulator understood it; what <see cref="EmulatorOptions.OutcomeSelector"/> sees.</summary>
public sealed class EmulatedDeleteRequest
{
    /// <summary>The <c>type</c> of the request.</summary>
    public required DeleteRequestType Type { get; init; }

    /// <summary>The contact keys of a <see cref="DeleteRequestType.Keys"/> request; empty otherwise.</summary>
    public IReadOnlyList<string> Keys { get; init; } = Array.Empty<string>();

    /// <summary>The contact IDs of an <see cref="DeleteRequestType.Ids"/> request; empty otherwise.</summary>
    public IReadOnlyList<long> Ids { get; init; } = Array.Empty<long>();

    /// <summary>The <c>targetList.listKey</c> of a <see cref="DeleteRequestType.ListReference"/> request; null otherwise.</summary>
    public string? ListKey { get; init; }

    /// <summary>The <c>targetList.listType.listTypeID</c> of a list-reference request.</summary>
    public int? ListTypeId { get; init; }

    /// <summary>The <c>deleteOperationType</c>, for example ContactAndAttributes.</summary>
    public required string DeleteOperationType { get; init; }

    /// <summary>The <c>deleteListWhenCompleted</c> flag of a list-reference request.</summary>
    public bool DeleteListWhenCompleted { get; init; }

    /// <summary>The <c>deleteListContentsWhenCompleted</c> flag of a list-reference request.</summary>
    public bool DeleteListContentsWhenCompleted { get; init; }
}
