using System.Linq;
using ContactsSdk.Generator.Model;
using ContactsSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ContactsSdk.Generator.Tests;

/// <summary>Emitter baselines from hand-built models (no spec, no parser).</summary>
public sealed class EmitterTests
{
    private const string Namespace = "Sample.Models";

    // The Kiota classes the hand-built models refer to.
    private const string Owners = """
        namespace Sample.Models
        {
            public class Order { public string? State { get; set; } public int? Code { get; set; } public string? Channel { get; set; } }
            public class Item { public int? Code { get; set; } }
            public class OrderResponse { public Order? Order { get; set; } public System.Collections.Generic.List<Item>? Items { get; set; } }
        }
        """;

    internal static GenerationModel SampleModel()
    {
        var state = new StatusFieldModel(
            "OrderState",
            "GetOrderState",
            "Order",
            "State",
            "Order.state",
            WireKind.String,
            CaseSensitive: false,
            "The state of an order.",
            new EquatableArray<StatusMemberModel>(new[]
            {
                new StatusMemberModel("Open", 0, "open", 0, "Not shipped yet.", false, OutcomeKind.InProgress, IsFallback: true),
                new StatusMemberModel("Shipped", 1, "shipped", 0, "On its way \"now\" & <soon>.", true, OutcomeKind.Succeeded, IsFallback: false),
                new StatusMemberModel("Cancelled", 2, "cancelled", 0, null, true, OutcomeKind.Cancelled, IsFallback: false),
            }));
        var channel = new StatusFieldModel(
            "OrderChannel",
            "GetOrderChannel",
            "Order",
            "Channel",
            "Order.channel",
            WireKind.String,
            CaseSensitive: true,
            null,
            new EquatableArray<StatusMemberModel>(new[]
            {
                new StatusMemberModel("Web", 1, "web", 0, null, false, OutcomeKind.InProgress, IsFallback: false),
                new StatusMemberModel("Other", 0, "other", 0, null, false, OutcomeKind.InProgress, IsFallback: true),
            }));
        var code = new StatusFieldModel(
            "ItemCode",
            "GetItemCode",
            "Item",
            "Code",
            "Item.code",
            WireKind.Integer,
            CaseSensitive: false,
            null,
            new EquatableArray<StatusMemberModel>(new[]
            {
                new StatusMemberModel("Waiting", 0, "1", 1, null, false, OutcomeKind.InProgress, IsFallback: true),
                new StatusMemberModel("Packed", 1, "5", 5, null, true, OutcomeKind.Succeeded, IsFallback: false),
                new StatusMemberModel("Lost", 2, "-7", -7, null, true, OutcomeKind.Failed, IsFallback: false),
            }));
        var lifecycle = new LifecycleModel(
            "OrderProgress",
            "OrderPhase",
            "OrderProgressInfo",
            "GetProgress",
            "OrderResponse",
            "Where an order stands.",
            new EquatableArray<LifecycleStateModel>(new[]
            {
                new LifecycleStateModel("Placed", 0, null, false, OutcomeKind.InProgress),
                new LifecycleStateModel("Packing", 1, null, false, OutcomeKind.InProgress),
                new LifecycleStateModel("Done", 2, "All packed.", true, OutcomeKind.Succeeded),
                new LifecycleStateModel("Gone", 3, null, true, OutcomeKind.Failed),
                new LifecycleStateModel("Dropped", 4, null, true, OutcomeKind.Cancelled),
            }),
            new EquatableArray<PhaseModel>(new[]
            {
                new PhaseModel("Ordering", 0, null, "Items", "items", true, false, "OrderState", WireKind.String,
                    new EquatableArray<string>(new[] { "Order", "State" }), string.Empty, EquatableArray<string>.Empty, "order.state",
                    new EquatableArray<StateMappingModel>(new[] { new StateMappingModel("Open", "Placed"), new StateMappingModel("Shipped", "Placed"), new StateMappingModel("Cancelled", "Dropped") })),
                new PhaseModel("Packing", 1, "Items are being packed.", "Items", "items", true, true, "ItemCode", WireKind.Integer,
                    new EquatableArray<string>(new[] { "Items" }), "Item", new EquatableArray<string>(new[] { "Code" }), "items.code",
                    new EquatableArray<StateMappingModel>(new[] { new StateMappingModel("Waiting", "Packing"), new StateMappingModel("Packed", "Done"), new StateMappingModel("Lost", "Gone") })),
            }));
        var spec = new SpecModel(new EquatableArray<StatusFieldModel>(new[] { state, channel, code }), new EquatableArray<LifecycleModel>(new[] { lifecycle }));
        return new GenerationModel(Namespace, new EquatableArray<SpecModel>(new[] { spec }));
    }

    [Fact]
    public void Emitted_files_match_the_baselines()
    {
        var files = ContactsSdkGenerator.Emitter.EmitFiles(SampleModel(), out var namespaceMissing);

        Assert.False(namespaceMissing);
        Assert.Equal(new[] { "StatusOutcome.g.cs", "OrderState.g.cs", "OrderChannel.g.cs", "ItemCode.g.cs", "OrderProgress.g.cs" }, files.Select(f => f.HintName));
        foreach (var (hintName, text) in files)
        {
            Baseline.AssertMatches("Emitter/" + hintName, text);
        }
    }

    [Fact]
    public void Emitted_files_compile_without_warnings()
    {
        var files = ContactsSdkGenerator.Emitter.EmitFiles(SampleModel(), out _);
        var compilation = GeneratorHarness.CreateCompilation(false, files.Select(f => f.Text).Append(Owners).ToArray());

        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Emission_is_deterministic()
    {
        var first = ContactsSdkGenerator.Emitter.EmitFiles(SampleModel(), out _);
        var second = ContactsSdkGenerator.Emitter.EmitFiles(SampleModel(), out _);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Nothing_is_emitted_for_empty_specs_and_a_missing_namespace_is_flagged()
    {
        var empty = new GenerationModel(Namespace, new EquatableArray<SpecModel>(new[] { SpecModel.Empty }));
        Assert.Empty(ContactsSdkGenerator.Emitter.EmitFiles(empty, out var missing));
        Assert.False(missing);

        var noNamespace = SampleModel() with { Namespace = null };
        Assert.Empty(ContactsSdkGenerator.Emitter.EmitFiles(noNamespace, out missing));
        Assert.True(missing);
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote\"back\\slash", "\"quote\\\"back\\\\slash\"")]
    [InlineData("line\nbreak\ttab", "\"line\\nbreak\\ttab\"")]
    [InlineData("\u2028", "\"\\u2028\"")]
    // The compiler's own escaping: short escapes for control characters, a surrogate pair kept whole.
    [InlineData("bell\a", "\"bell\\a\"")]
    [InlineData("face \U0001F600", "\"face \U0001F600\"")]
    public void String_literals_are_escaped(string text, string literal)
    {
        Assert.Equal(literal, ContactsSdkGenerator.Emitter.Literal(text));
    }
}
