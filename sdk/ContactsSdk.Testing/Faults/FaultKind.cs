namespace ContactsSdk.Testing.Faults;

/// <summary>The kinds of fault the emulator can inject; <see cref="EmulatorStatistics"/> counts them separately.</summary>
public enum FaultKind
{
    /// <summary>429 with errorcode 50100 and a Retry-After header (seconds or an HTTP date).</summary>
    TooManyRequests,

    /// <summary>429 with errorcode 50200 (a quota), without Retry-After.</summary>
    QuotaExceeded,

    /// <summary>500.</summary>
    InternalServerError,

    /// <summary>503 with errorcode 50300.</summary>
    ServiceUnavailable,

    /// <summary>The connection is aborted before the request is processed: nothing happened on the server.</summary>
    DropConnectionBeforeProcessing,

    /// <summary>The request is processed (a delete creates its operation), then the connection is aborted.</summary>
    DropConnectionAfterProcessing,

    /// <summary>The response is held back for a delay on the emulator clock.</summary>
    SlowResponse,

    /// <summary>The JSON body is cut in half (with a matching Content-Length).</summary>
    TruncatedJson,

    /// <summary>The JSON body is made syntactically invalid.</summary>
    MalformedJson,

    /// <summary>Fields no documentation mentions are added to the body.</summary>
    ExtraFields,

    /// <summary>Named fields are removed from the body.</summary>
    MissingFields,

    /// <summary><c>operation.status</c> carries a value no documentation mentions.</summary>
    UnknownOperationStatus,

    /// <summary><c>backgroundOperationStatusID</c> carries a value no documentation mentions.</summary>
    UnknownBackgroundOperationStatus,

    /// <summary>The request's access token expires just before the request is checked.</summary>
    TokenExpired,

    /// <summary>The request's access token is revoked just before the request is checked.</summary>
    TokenRevoked,

    /// <summary>Every time the response reports is offset by a given amount.</summary>
    ClockSkew,
}
