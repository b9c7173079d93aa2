using System;
using System.Collections.Generic;
using System.Text.Json;
using ContactsSdk.Models;

namespace ContactsSdk.Benchmarks.Payloads;

/// <summary>
/// What a developer would write by hand to read the status route without the generated code: plain
/// C# switches over the wire strings and the same two-phase rules (the baselines of the status
/// interpretation and deserialization benchmarks).
/// </summary>
public static class HandWrittenStatus
{
    public enum DeletePhase
    {
        Processing,
        Completed,
        Aborted,
        Invalid,
    }

    public enum Lifecycle
    {
        SuppressionPending,
        Suppressed,
        Deleting,
        Deleted,
        Restored,
        Invalid,
    }

    public static DeletePhase ParseDeletePhase(string? value) => value switch
    {
        "Completed" => DeletePhase.Completed,
        "Aborted" => DeletePhase.Aborted,
        "Invalid" => DeletePhase.Invalid,
        _ => DeletePhase.Processing,
    };

    public static DeletePhase ParseDeletePhaseIgnoringCase(string? value) => value switch
    {
        "Completed" => DeletePhase.Completed,
        "Aborted" => DeletePhase.Aborted,
        "Invalid" => DeletePhase.Invalid,
        null => DeletePhase.Processing,
        _ when string.Equals(value, "Completed", StringComparison.OrdinalIgnoreCase) => DeletePhase.Completed,
        _ when string.Equals(value, "Aborted", StringComparison.OrdinalIgnoreCase) => DeletePhase.Aborted,
        _ when string.Equals(value, "Invalid", StringComparison.OrdinalIgnoreCase) => DeletePhase.Invalid,
        _ => DeletePhase.Processing,
    };

    public static bool IsTerminal(DeletePhase status) => status switch
    {
        DeletePhase.Completed or DeletePhase.Aborted or DeletePhase.Invalid => true,
        _ => false,
    };

    public static bool IsTerminal(Lifecycle state) => state is Lifecycle.Deleted or Lifecycle.Restored or Lifecycle.Invalid;

    /// <summary>The lifecycle of a Kiota model, by hand.</summary>
    public static Lifecycle Read(DeleteStatusResponse response)
    {
        var summary = response.BackgroundOperationsSummary;
        if (summary is null || summary.Count == 0)
        {
            return response.Operation?.Status == "Completed" ? Lifecycle.Suppressed : Lifecycle.SuppressionPending;
        }
        return ToLifecycle(Aggregate(summary));
    }

    /// <summary>The lifecycle of a System.Text.Json DTO, by hand.</summary>
    public static Lifecycle Read(StatusDto response)
    {
        var summary = response.BackgroundOperationsSummary;
        if (summary is null || summary.Count == 0)
        {
            return response.Operation?.Status == "Completed" ? Lifecycle.Suppressed : Lifecycle.SuppressionPending;
        }
        var result = DeletePhase.Completed;
        foreach (var item in summary)
        {
            var status = ParseDeletePhase(item?.BackgroundOperationStatusId);
            if (!IsTerminal(status))
            {
                return Lifecycle.Deleting;
            }
            result = Worse(result, status);
        }
        return ToLifecycle(result);
    }

    /// <summary>
    /// The practical limit: one forward pass of a Utf8JsonReader over the payload that looks only
    /// at <c>operation.status</c> and <c>backgroundOperationsSummary[].backgroundOperationStatusID</c>,
    /// compares them as UTF-8 and allocates nothing.
    /// </summary>
    public static Lifecycle Scan(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var suppressionCompleted = false;
        var summaryItems = 0;
        var aggregate = DeletePhase.Completed;
        var deleting = false;
        reader.Read(); // the root object
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("operation"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isStatus = reader.ValueTextEquals("status"u8);
                    reader.Read();
                    if (isStatus && reader.TokenType == JsonTokenType.String)
                    {
                        suppressionCompleted = reader.ValueTextEquals("Completed"u8);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else if (reader.ValueTextEquals("backgroundOperationsSummary"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    summaryItems++;
                    var status = DeletePhase.Processing;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var isStatus = reader.ValueTextEquals("backgroundOperationStatusID"u8);
                        reader.Read();
                        if (isStatus && reader.TokenType == JsonTokenType.String)
                        {
                            status = reader.ValueTextEquals("Completed"u8) ? DeletePhase.Completed
                                : reader.ValueTextEquals("Aborted"u8) ? DeletePhase.Aborted
                                : reader.ValueTextEquals("Invalid"u8) ? DeletePhase.Invalid
                                : DeletePhase.Processing;
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                    if (!IsTerminal(status))
                    {
                        deleting = true;
                    }
                    aggregate = Worse(aggregate, status);
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (summaryItems == 0)
        {
            return suppressionCompleted ? Lifecycle.Suppressed : Lifecycle.SuppressionPending;
        }
        return deleting ? Lifecycle.Deleting : ToLifecycle(aggregate);
    }

    private static DeletePhase Aggregate(List<BackgroundOperationSummary> summary)
    {
        var result = DeletePhase.Completed;
        foreach (var item in summary)
        {
            var status = ParseDeletePhase(item?.BackgroundOperationStatusID);
            if (!IsTerminal(status))
            {
                return status;
            }
            result = Worse(result, status);
        }
        return result;
    }

    // failed > cancelled > succeeded
    private static DeletePhase Worse(DeletePhase a, DeletePhase b) => Rank(b) > Rank(a) ? b : a;

    private static int Rank(DeletePhase status) => status switch
    {
        DeletePhase.Invalid => 3,
        DeletePhase.Aborted => 2,
        DeletePhase.Completed => 1,
        _ => 0,
    };

    private static Lifecycle ToLifecycle(DeletePhase status) => status switch
    {
        DeletePhase.Completed => Lifecycle.Deleted,
        DeletePhase.Aborted => Lifecycle.Restored,
        DeletePhase.Invalid => Lifecycle.Invalid,
        _ => Lifecycle.Deleting,
    };
}
