using System;
using System.Collections.Generic;

namespace ContactsSdk.Testing.Lifecycle;

/// <summary>A restrict request as the emulator understood it.</summary>
public sealed class EmulatedRestrictRequest
{
    /// <summary>The <c>type</c> of the request; the restrict route takes the delete route's values.</summary>
    public required DeleteRequestType Type { get; init; }

    /// <summary>The contact keys of a <see cref="DeleteRequestType.Keys"/> request; empty otherwise.</summary>
    public IReadOnlyList<string> Keys { get; init; } = Array.Empty<string>();

    /// <summary>The contact IDs of an <see cref="DeleteRequestType.Ids"/> request; empty otherwise.</summary>
    public IReadOnlyList<long> Ids { get; init; } = Array.Empty<long>();

    /// <summary>The <c>targetList.listKey</c> of a <see cref="DeleteRequestType.ListReference"/> request; null otherwise.</summary>
    public string? ListKey { get; init; }

    /// <summary>The <c>targetList.listType.listTypeID</c> of a list-reference request.</summary>
    public int? ListTypeId { get; init; }

    /// <summary>The <c>deleteListWhenCompleted</c> flag of a list-reference request.</summary>
    public bool DeleteListWhenCompleted { get; init; }

    /// <summary>The <c>deleteListContentsWhenCompleted</c> flag of a list-reference request.</summary>
    public bool DeleteListContentsWhenCompleted { get; init; }
}
