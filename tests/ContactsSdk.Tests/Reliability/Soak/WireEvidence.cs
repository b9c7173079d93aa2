using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Web;
using ContactsSdk.Tests.Support;

namespace ContactsSdk.Tests.Reliability.Soak;

/// <summary>
/// Reads the raw status responses the wire carried, without the SDK: the evidence that a deletion
/// the SDK reported as deleted was reported Completed in the delete phase by the server itself.
/// </summary>
internal static class WireEvidence
{
    /// <summary>The body of the last 200 status response for each operation, as received.</summary>
    public static IReadOnlyDictionary<long, string> LastStatusBodies(IEnumerable<WireExchange> exchanges)
    {
        var last = new Dictionary<long, string>();
        foreach (var exchange in exchanges.Where(e => e.IsStatus && e.Status == 200 && e.ResponseBody is not null))
        {
            if (long.TryParse(HttpUtility.ParseQueryString(exchange.Uri.Query)["operationID"], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                last[id] = exchange.ResponseBody!;
            }
        }

        return last;
    }

    /// <summary>
    /// Whether a status body is in the delete phase (a non-empty <c>backgroundOperationsSummary</c>)
    /// with every <c>backgroundOperationStatusID</c> exactly <c>Completed</c>.
    /// </summary>
    public static bool SaysDeletePhaseCompleted(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("backgroundOperationsSummary", out var summary)
                || summary.ValueKind != JsonValueKind.Array
                || summary.GetArrayLength() == 0)
            {
                return false;
            }

            return summary.EnumerateArray().All(item =>
                item.ValueKind == JsonValueKind.Object
                && item.TryGetProperty("backgroundOperationStatusID", out var status)
                && status.ValueKind == JsonValueKind.String
                && status.GetString() == "Completed");
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
