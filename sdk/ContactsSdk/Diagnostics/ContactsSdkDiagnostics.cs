namespace ContactsSdk.Diagnostics;

/// <summary>
/// The names under which the SDK reports to OpenTelemetry (or any <c>ActivityListener</c> /
/// <c>MeterListener</c>): subscribe to <see cref="ActivitySourceName"/> for traces and
/// <see cref="MeterName"/> for metrics. Tags never hold contact keys, contact IDs, email addresses,
/// client secrets or tokens.
/// </summary>
/// <remarks>
/// The SDK depends only on <c>System.Diagnostics</c>; the exporter is the application's choice.
/// Libraries built on the SDK (the erasure workflow) report under the same names with the same
/// tags, so one subscription covers them.
/// </remarks>
public static class ContactsSdkDiagnostics
{
    /// <summary>The name of the SDK's <c>ActivitySource</c>.</summary>
    public const string ActivitySourceName = "ContactsSdk";

    /// <summary>The name of the SDK's <c>Meter</c>.</summary>
    public const string MeterName = "ContactsSdk";

    /// <summary>The names of the spans: one per public operation, with the HTTP spans under it.</summary>
    public static class Activities
    {
        /// <summary>Starting a deletion (by keys, IDs or list), retries included.</summary>
        public const string StartDeletion = "ContactsSdk.StartDeletion";

        /// <summary>One read of a deletion's status.</summary>
        public const string GetDeletionStatus = "ContactsSdk.GetDeletionStatus";

        /// <summary>Following one deletion to its terminal state (every poll of the wait).</summary>
        public const string WaitForDeletion = "ContactsSdk.WaitForDeletion";

        /// <summary>Following many deletions; each has its own <see cref="WaitForDeletion"/> span under it.</summary>
        public const string WaitForDeletions = "ContactsSdk.WaitForDeletions";

        /// <summary>Resolving email addresses to contact keys (the email address search route).</summary>
        public const string ResolveContactKeys = "ContactsSdk.ResolveContactKeys";

        /// <summary>Listing the delete requests received in a window (every page of one call).</summary>
        public const string ListDeleteRequests = "ContactsSdk.ListDeleteRequests";

        /// <summary>Reading the delete operations list (every page of one call).</summary>
        public const string ListDeleteOperations = "ContactsSdk.ListDeleteOperations";
    }

    /// <summary>The tag names of spans and measurements.</summary>
    public static class Tags
    {
        /// <summary>The Marketing Cloud operation ID of a deletion.</summary>
        public const string OperationId = "contactssdk.operation_id";

        /// <summary>The MID (business unit) the client acts in, when the options name one.</summary>
        public const string AccountId = "contactssdk.mid";

        /// <summary>How a deletion selects its contacts: <c>keys</c>, <c>ids</c> or <c>listReference</c>.</summary>
        public const string DeleteType = "contactssdk.delete.type";

        /// <summary>How many contact keys or IDs a deletion names (never the values).</summary>
        public const string ContactCount = "contactssdk.contact_count";

        /// <summary>The deletion's phase (<c>Suppression</c> or <c>Delete</c>).</summary>
        public const string Phase = "contactssdk.deletion.phase";

        /// <summary>The deletion's interpreted state (for example <c>Suppressed</c>, <c>Deleting</c>, <c>Deleted</c>).</summary>
        public const string State = "contactssdk.deletion.state";

        /// <summary>The terminal state a wait ended with: <c>Deleted</c>, <c>Restored</c> or <c>Invalid</c>.</summary>
        public const string Verdict = "contactssdk.deletion.verdict";

        /// <summary>Status requests a wait made.</summary>
        public const string RequestsMade = "contactssdk.requests_made";

        /// <summary>Marketing Cloud's error code: the gateway's <c>errorcode</c>, a service <c>resultCode</c> or an OAuth error.</summary>
        public const string ErrorCode = "contactssdk.error_code";

        /// <summary>The route of an HTTP request, with numeric path segments replaced by <c>{id}</c>.</summary>
        public const string Route = "contactssdk.route";

        /// <summary>How an HTTP request ended: <c>success</c>, <c>client_error</c>, <c>server_error</c>, <c>network_error</c> or <c>cancelled</c>.</summary>
        public const string Outcome = "contactssdk.outcome";

        /// <summary>Why a request was sent again (for example <c>rate_limited</c>, <c>token_rejected</c>, <c>timeout</c>).</summary>
        public const string RetryReason = "contactssdk.retry.reason";

        /// <summary>The OpenTelemetry name of an HTTP method tag.</summary>
        public const string HttpMethod = "http.request.method";

        /// <summary>The OpenTelemetry name of an HTTP status code tag.</summary>
        public const string HttpStatusCode = "http.response.status_code";

        /// <summary>The OpenTelemetry name of the failure type tag.</summary>
        public const string ErrorType = "error.type";
    }

    /// <summary>The names of the instruments of <see cref="MeterName"/>.</summary>
    public static class Instruments
    {
        /// <summary>Counter of HTTP requests sent (token endpoint included), by route, method and outcome.</summary>
        public const string Requests = "contactssdk.requests";

        /// <summary>Histogram of HTTP request durations in seconds, by route, method and outcome.</summary>
        public const string RequestDuration = "contactssdk.request.duration";

        /// <summary>Counter of requests sent again, by reason.</summary>
        public const string Retries = "contactssdk.retries";

        /// <summary>Counter of 429 answers, by Marketing Cloud error code (50100 slow down, 50200 blocked).</summary>
        public const string RateLimited = "contactssdk.rate_limited";

        /// <summary>Counter of deletions Marketing Cloud accepted, by delete type.</summary>
        public const string DeletionsStarted = "contactssdk.deletions.started";

        /// <summary>Counter of waits that reached a terminal state, by verdict.</summary>
        public const string DeletionVerdicts = "contactssdk.deletions.completed";

        /// <summary>Histogram of the time a wait took to reach its verdict, in seconds (on the client's <c>TimeProvider</c>), by verdict.</summary>
        public const string DeletionDuration = "contactssdk.deletion.duration";
    }
}
