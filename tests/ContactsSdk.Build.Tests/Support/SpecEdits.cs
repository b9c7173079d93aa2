using System;

namespace ContactsSdk.Build.Tests.Support;

/// <summary>Text edits a developer would make to spec/contacts.yaml to add a route.</summary>
internal static class SpecEdits
{
    /// <summary>
    /// A route the spec does not have, with an integer status field annotated for interpretation
    /// (the same 1/5/7 codes as the analytics route's statusid filter).
    /// </summary>
    public const string NewPath = """
          /contacts/v1/contacts/analytics/deletebatches:
            get:
              tags: [Deletion]
              operationId: getDeleteBatches
              summary: Lists deletion batches (a route added by the extensibility test).
              description: Added to a copy of the spec by a test, to prove that editing the spec is all a new route needs.
              parameters:
                - name: batchId
                  in: query
                  required: true
                  description: The batch to read.
                  schema:
                    type: integer
                    format: int64
              responses:
                '200':
                  description: The batch.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/DeleteBatch'

        """;

    public const string NewSchema = """
            DeleteBatch:
              type: object
              description: A batch of deletions.
              properties:
                batchId:
                  type: integer
                  format: int64
                  description: ID of the batch.
                statusId:
                  type: integer
                  format: int32
                  description: Status code of the batch.
                  x-contacts-status:
                    enum: DeleteBatchStatus
                    fallback: FALLBACK
                    values:
                      - value: 1
                        name: Processing
                        description: The batch is being processed.
                      - value: 5
                        name: Completed
                        description: The batch is done.
                        terminal: true
                        outcome: succeeded
                      - value: 7
                        name: Invalid
                        description: The batch is invalid.
                        terminal: true
                        outcome: failed

        """;

    /// <summary>
    /// Adds <see cref="NewPath"/> under <c>paths:</c> and <see cref="NewSchema"/> under
    /// <c>components.schemas</c>, with <paramref name="fallback"/> as the status fallback.
    /// </summary>
    public static string AddDeleteBatchesRoute(string spec, string fallback = "Processing") =>
        InsertAfter(InsertAfter(spec, "\npaths:\n", NewPath), "\n  schemas:\n", NewSchema.Replace("FALLBACK", fallback, StringComparison.Ordinal));

    private static string InsertAfter(string text, string anchor, string insertion)
    {
        var index = text.IndexOf(anchor, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new InvalidOperationException($"The spec has no '{anchor.Trim()}' to insert after.");
        }
        var at = index + anchor.Length;
        return text[..at] + insertion + text[at..];
    }
}
