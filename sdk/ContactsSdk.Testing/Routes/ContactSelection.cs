using System;
using System.Collections.Generic;
using ContactsSdk.Testing.Lifecycle;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// The contacts a delete or restrict request names: its <c>type</c> and, depending on it, the
/// <c>values</c> or the <c>targetList</c> with its flags.
/// </summary>
internal sealed record ContactSelection(DeleteRequestType Type)
{
    public IReadOnlyList<string> Keys { get; init; } = Array.Empty<string>();

    public IReadOnlyList<long> Ids { get; init; } = Array.Empty<long>();

    public string? ListKey { get; init; }

    public int? ListTypeId { get; init; }

    public bool DeleteListWhenCompleted { get; init; }

    public bool DeleteListContentsWhenCompleted { get; init; }
}
