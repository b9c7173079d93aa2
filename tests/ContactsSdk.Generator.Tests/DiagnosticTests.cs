using System;
using System.Linq;
using ContactsSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ContactsSdk.Generator.Tests;

/// <summary>
/// Every bad annotation gives a diagnostic with its ID, a message naming the offending item and a
/// location in the spec file; the generator never throws. Each case edits the fixture spec and
/// names the text where the diagnostic must point.
/// </summary>
public sealed class DiagnosticTests
{
    public static TheoryData<string, string, string, string, string, string> Cases => new()
    {
        // name, find, replace, expected ID, text the diagnostic must start at, text the message must contain
        { "yaml syntax", "    Base:\n", "    Base: [oops\n", "CSDK001", "", "contacts-fixture.yaml" },
        { "duplicate key", "            fallback: Value0\n", "            fallback: Value0\n            fallback: Value1\n", "CSDK019", "fallback: Value1", "The key 'fallback' appears twice in one mapping" },
        { "unknown key", "            fallback: Value0\n", "            fallback: Value0\n            fallbak: Value0\n", "CSDK002", "fallbak", "fallbak" },
        { "unknown key in a value", "                  - value: batch-import\n", "                  - value: batch-import\n                    terminl: true\n", "CSDK002", "terminl", "values[0] of x-contacts-status of JobResponse.kind" },
        { "unknown lifecycle key", "        accessor: GetJobState\n", "        accessor: GetJobState\n        acessor: GetJobState\n", "CSDK002", "acessor", "x-contacts-lifecycle of JobResponse" },
        { "boolean of the wrong type", "                terminal: true\n                outcome: failed\n    JobError", "                terminal: maybe\n                outcome: failed\n    JobError", "CSDK003", "maybe", "'terminal' of values[2]" },
        { "string value for an integer field", "              - value: 1\n", "              - value: \"1\"\n", "CSDK003", "\"1\"", "an integer" },
        { "integer value for a string field", "                  - value: Other\n", "                  - value: 42\n", "CSDK003", "42\n", "a string" },
        { "unknown outcome", "            outcome: succeeded\n          - name: Broken", "            outcome: great\n          - name: Broken", "CSDK003", "great", "one of inProgress" },
        { "values not a list", "                  - value: batch-import\n                  - value: Other\n", "                  batch-import\n", "CSDK003", "batch-import", "non-empty list" },
        { "missing fallback", "            fallback: Value0\n", "", "CSDK004", "x-contacts-status:\n            enum: StepCode", "'fallback'" },
        { "missing enum", "                enum: JobKind\n", "", "CSDK004", "x-contacts-status:\n                fallback: Other", "'enum'" },
        { "duplicate integer value", "              - value: 9\n", "              - value: 1\n", "CSDK005", "1\n                terminal: true\n                outcome: failed", "'1'" },
        { "duplicate value ignoring case", "            fallback: Waiting\n            values:\n              - value: waiting\n", "            fallback: Waiting\n            values:\n              - value: waiting\n              - value: WAITING\n", "CSDK005", "WAITING", "'WAITING'" },
        { "case-sensitive values differing in case clash by name", "                  - value: Other\n", "                  - value: Other\n                  - value: other\n", "CSDK006", "other\n", "'Other'" },
        { "duplicate member name", "                  - value: Other\n", "                  - value: Other\n                  - value: other!\n", "CSDK006", "other!", "'Other'" },
        { "invalid enum name", "enum: JobKind", "enum: Job Kind", "CSDK007", "Job Kind", "'Job Kind'" },
        { "keyword member name", "                  - value: batch-import\n", "                  - value: batch-import\n                    name: class\n", "CSDK007", "class\n", "'class'" },
        { "underivable member name", "              - value: batch-import\n", "              - value: '--'\n", "CSDK007", "'--'", "member name of value '--'" },
        { "fallback not a member", "fallback: Other", "fallback: Misc", "CSDK008", "Misc", "'Misc'" },
        { "lifecycle status path to a missing property", "status: job.queueStatus", "status: job.queueState", "CSDK009", "job.queueState", "'queueState' is not a property of Job" },
        { "lifecycle condition on a missing property", "when: {absent: steps}", "when: {absent: stepz}", "CSDK009", "stepz", "'stepz' is not a property of JobResponse" },
        { "lifecycle status path to an unannotated property", "status: job.queueStatus", "status: requestId", "CSDK009", "requestId", "Base.requestId, which has no x-contacts-status" },
        { "annotation on an unused schema", "        state:\n          type: string\n", "        state:\n          type: string\n          x-contacts-status: {enum: UnusedState, fallback: A, values: [{value: A}]}\n", "CSDK010", "x-contacts-status: {enum: UnusedState", "no route uses 'Unused'" },
        { "annotation next to a $ref", "            job:\n              $ref: '#/components/schemas/Job'\n", "            job:\n              $ref: '#/components/schemas/Job'\n              x-contacts-status: {enum: JobRef, fallback: A, values: [{value: A}]}\n", "CSDK010", "x-contacts-status: {enum: JobRef", "$ref" },
        { "annotation on a parameter", "      operationId: getJob\n", "      operationId: getJob\n      parameters:\n        - name: q\n          in: query\n          schema:\n            type: string\n            x-contacts-status: {enum: Q, fallback: A, values: [{value: A}]}\n", "CSDK010", "x-contacts-status: {enum: Q,", "#/paths/~1jobs" },
        { "lifecycle on a property", "        requestId:\n          type: string\n", "        requestId:\n          type: string\n          x-contacts-lifecycle: {}\n", "CSDK010", "x-contacts-lifecycle: {}", "component schema" },
        { "status forced into enum:", "              type: string\n              x-contacts-status:\n                enum: JobKind", "              type: string\n              enum: [batch-import, Other]\n              x-contacts-status:\n                enum: JobKind", "CSDK011", "enum: [batch-import", "enum:" },
        { "status with a date format", "        queueStatus:\n          type: string\n", "        queueStatus:\n          type: string\n          format: date-time\n", "CSDK011", "type: string\n          format: date-time", "date-time" },
        { "status of type boolean", "        stepCode:\n          type: integer\n          format: int32\n", "        stepCode:\n          type: boolean\n", "CSDK011", "type: boolean", "'boolean'" },
        { "unmapped status member", "states: {Value0: Running, Value1: Done, Value9: Broken}", "states: {Value0: Running, Value1: Done}", "CSDK012", "states: {Value0: Running, Value1: Done}", "missing: Value9" },
        { "mapping to an unknown state", "Value9: Broken}", "Value9: Exploded}", "CSDK012", "Exploded", "'Exploded'" },
        { "mapping of an unknown member", "states: {Waiting: Queued, Started: Running}", "states: {Waiting: Queued, Started: Running, Paused: Queued}", "CSDK012", "Paused", "'Paused' is not a member of QueueStatus" },
        { "name said twice", "              - value: started\n                terminal: true", "              - value: started\n                name: Begun\n                terminal: true", "CSDK013", "Started\n", "given by both" },
        { "varnames of the wrong length", "x-enum-varnames: [Value0, Value1, Value9]", "x-enum-varnames: [Value0, Value1]", "CSDK013", "x-enum-varnames", "2 names for 3 values" },
        { "x-ms-enum value not listed", "              - value: started\n                name: Started\n", "              - value: started\n                name: Started\n              - value: paused\n", "CSDK013", "paused", "'paused'" },
        { "duplicate enum type name", "enum: ErrorMessageKind", "enum: JobKind", "CSDK006", "JobKind\n            fallback: Unknown", "'JobKind'" },
        { "enum named like a Kiota model", "enum: ErrorMessageKind", "enum: Job", "CSDK006", "Job\n            fallback: Unknown", "Kiota models" },
        { "reserved member name", "                  - value: batch-import\n", "                  - value: batch-import\n                    name: value__\n", "CSDK007", "value__", "'value__'" },
        { "phase with the condition of an earlier one", "when: {present: steps}", "when:  {absent: steps}", "CSDK017", "when:  {absent", "phase 'Queue' has the same condition" },
        { "phase after two opposite ones", "            states: {Value0: Running, Value1: Done, Value9: Broken}\n", "            states: {Value0: Running, Value1: Done, Value9: Broken}\n          - name: Extra\n            when: {present: job}\n            status: job.queueStatus\n            states: {Waiting: Queued, Started: Running}\n", "CSDK017", "when: {present: job}", "phases 'Queue' and 'Work' together apply to every response" },
        // Found by the 10,000-spec fuzz run (fixture, seed 5425): an annotated property in an allOf member that also holds a $ref.
        { "annotation in an allOf member with a $ref", "        - $ref: '#/components/schemas/Base'\n        - type: object\n", "        - $ref: '#/components/schemas/Missing'\n", "CSDK010", "x-contacts-status:\n                enum: JobKind", "allOf member" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_annotation_gives_a_located_diagnostic(string name, string find, string replace, string id, string at, string messagePart)
    {
        var fixture = TestPaths.ReadFixture();
        Assert.True(Count(fixture, find) == 1, $"{name}: the fixture must contain the edited text once");
        var spec = fixture.Replace(find, replace);
        const string path = "/repo/spec/contacts-fixture.yaml";

        var run = GeneratorHarness.Run(spec, path);

        Assert.Null(run.Single.Exception);
        var diagnostic = run.Diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.True(diagnostic is not null, $"{name}: expected {id}, got: {string.Join(" | ", run.Diagnostics)}");
        Assert.Equal(Location.Create(path, default, default).Kind, diagnostic!.Location.Kind);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Contains(messagePart, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (at.Length > 0)
        {
            Assert.True(Count(spec, at) >= 1, $"{name}: marker not found");
            var expected = LinePosition(spec, spec.IndexOf(at, StringComparison.Ordinal));
            Assert.Equal(expected, (span.StartLinePosition.Line, span.StartLinePosition.Character));
        }
        else
        {
            var line = LinePosition(spec, spec.IndexOf(replace, StringComparison.Ordinal)).Line;
            Assert.InRange(span.StartLinePosition.Line, line, line + 2);
        }

        Assert.All(run.Diagnostics, d => Assert.Equal(path, d.Location.GetLineSpan().Path));
    }

    [Fact]
    public void The_fixture_and_the_spec_are_clean()
    {
        Assert.Empty(GeneratorHarness.Run(TestPaths.ReadFixture(), TestPaths.FixturePath).Diagnostics);
        Assert.Empty(GeneratorHarness.Run(TestPaths.ReadSpec(), TestPaths.SpecPath).Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info));
    }

    [Fact]
    public void A_broken_annotation_drops_only_what_depends_on_it()
    {
        var spec = TestPaths.ReadFixture().Replace("fallback: Other", "fallback: Misc");

        var run = GeneratorHarness.Run(spec, "/repo/spec/fixture.yaml");

        Assert.DoesNotContain("JobKind.g.cs", run.Sources.Keys);
        Assert.Contains("QueueStatus.g.cs", run.Sources.Keys);
        Assert.Contains("JobState.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void An_unknown_key_drops_the_annotation()
    {
        var spec = TestPaths.ReadFixture().Replace("                caseSensitive: true\n", "                caseSensitive: true\n                caseSensitiv: true\n");

        var run = GeneratorHarness.Run(spec, "/repo/spec/fixture.yaml");

        Assert.Equal("CSDK002", Assert.Single(run.Diagnostics).Id);
        Assert.DoesNotContain("JobKind.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void A_lifecycle_over_a_broken_field_reports_only_the_field()
    {
        var spec = TestPaths.ReadFixture().Replace("fallback: Waiting", "fallback: Nope");

        var run = GeneratorHarness.Run(spec, "/repo/spec/fixture.yaml");

        Assert.Equal(new[] { "CSDK008" }, run.Diagnostics.Select(d => d.Id));
        Assert.DoesNotContain("JobState.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void An_invalid_openapi_document_is_reported_by_the_reader()
    {
        var spec = TestPaths.ReadFixture().Replace("  /jobs:\n    get:\n", "  /jobs:\n    get:\n      requestBody: 5\n");

        var run = GeneratorHarness.Run(spec, "/repo/spec/fixture.yaml");

        Assert.Null(run.Single.Exception);
        Assert.All(run.Diagnostics, d => Assert.Equal("/repo/spec/fixture.yaml", d.Location.GetLineSpan().Path));
    }

    [Fact]
    public void Empty_and_non_openapi_files_give_nothing()
    {
        Assert.Empty(GeneratorHarness.Run(string.Empty, "/repo/spec/empty.yaml").Diagnostics);
        Assert.Empty(GeneratorHarness.Run("just a string", "/repo/spec/scalar.yaml").Diagnostics);
        Assert.Empty(GeneratorHarness.Run("- a\n- b\n", "/repo/spec/list.yaml").Sources);
    }

    [Fact]
    public void Diagnostic_ids_are_listed_in_the_release_tracking_and_the_spec_readme()
    {
        var unshipped = System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.RepositoryRoot, "generator", "ContactsSdk.Generator", "AnalyzerReleases.Unshipped.md"));
        var readme = System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.RepositoryRoot, "spec", "README.md"));

        foreach (var (id, descriptor) in DiagnosticDescriptors.ById)
        {
            var anchor = id.ToLowerInvariant();
            Assert.Contains(id + " |", unshipped, StringComparison.Ordinal);
            Assert.Contains("| <a id=\"" + anchor + "\"></a>" + id + " |", readme, StringComparison.Ordinal);
            Assert.Equal("spec/README.md#" + anchor, descriptor.HelpLinkUri);
        }
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static (int Line, int Character) LinePosition(string text, int index)
    {
        var line = 0;
        var start = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                start = i + 1;
            }
        }

        return (line, index - start);
    }
}
