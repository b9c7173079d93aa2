using System;
using System.Globalization;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Receipts;

/// <summary>The CSV export: one line per erasure, RFC 4180 quoting, invariant culture, UTC ISO 8601 times.</summary>
internal static class ErasureCsv
{
    public const string Header = "request_id,erasure_id,account_id,subject_kind,subject_count,state,verdict,operation_id,submitted_at_utc,concluded_at_utc,ledger_entries,last_hash,due_at_utc,deadline_met";

    public static string Line(ErasureRecord record) => string.Join(",",
        Quote(record.RequestId),
        record.ErasureId.ToString("D", CultureInfo.InvariantCulture),
        record.AccountId?.ToString() ?? string.Empty,
        record.SubjectKind.ToString(),
        record.SubjectCount.ToString(CultureInfo.InvariantCulture),
        record.State.ToString(),
        record.Verdict?.ToString() ?? string.Empty,
        record.OperationId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        Time(record.SubmittedAt),
        record.ConcludedAt is { } concluded ? Time(concluded) : string.Empty,
        record.Version.ToString(CultureInfo.InvariantCulture),
        record.LastHash,
        record.DueAt is { } due ? Time(due) : string.Empty,
        // Added at the end, so that readers of the earlier columns by position keep working.
        record.DeadlineMet switch { true => "true", false => "false", null => string.Empty });

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Quotes a field when needed; a leading formula character is neutralised so a spreadsheet never runs it.</summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
