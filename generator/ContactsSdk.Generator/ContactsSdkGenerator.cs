using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ContactsSdk.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContactsSdk.Generator;

/// <summary>
/// Turns the status annotations (<c>x-contacts-status</c>, <c>x-contacts-lifecycle</c>) of the
/// OpenAPI spec into enums and extension methods on the Kiota models. This file holds the pipeline
/// only: parsing lives in <c>ContactsSdkGenerator.Parser.cs</c>, emission in
/// <c>ContactsSdkGenerator.Emitter.cs</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class ContactsSdkGenerator : IIncrementalGenerator
{
    /// <summary>The AdditionalFiles metadata that marks the spec (<c>ContactsSdkSpec="true"</c>).</summary>
    internal const string SpecMetadataKey = "build_metadata.AdditionalFiles.ContactsSdkSpec";

    /// <summary>The MSBuild property that names the Kiota client namespace.</summary>
    internal const string NamespaceProperty = "build_property.KiotaClientNamespace";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsSpec(pair.Right.GetOptions(pair.Left)))
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.SpecFiles);

        var specTexts = specFiles
            .Select(static (file, cancellationToken) => ReadText(file, cancellationToken))
            .WithTrackingName(TrackingNames.SpecText);

        var parsed = specTexts
            .Select(static (spec, cancellationToken) => Parser.Parse(spec, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        var models = parsed
            .Select(static (result, _) => result.Model)
            .WithTrackingName(TrackingNames.Model);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        var modelsNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GetModelsNamespace(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Namespace);

        var generation = models
            .Collect()
            .Combine(modelsNamespace)
            .Select(static (pair, _) => new GenerationModel(pair.Right, pair.Left.Where(static m => !m.IsEmpty).ToEquatableArray()))
            .WithTrackingName(TrackingNames.Generation);

        var anchors = parsed
            .Select(static (result, _) => result.Anchors)
            .WithTrackingName(TrackingNames.Anchors);

        // Runs again on every compilation, but answers with plain data: when the Kiota names are
        // unchanged the answer is equal, and nothing after it runs again.
        var missingNames = generation
            .Combine(context.CompilationProvider)
            .Select(static (pair, cancellationToken) => KiotaModelCheck.Check(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.KiotaNames);

        var checkedGeneration = generation
            .Combine(missingNames)
            .Select(static (pair, _) => KiotaModelCheck.Without(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.CheckedGeneration);

        var nameDiagnostics = anchors
            .Collect()
            .Combine(missingNames)
            .Select(static (pair, _) => LocateMissingNames(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.NameDiagnostics);

        context.RegisterSourceOutput(checkedGeneration, static (spc, model) => Emitter.Emit(spc, model));
        context.RegisterSourceOutput(diagnostics, static (spc, infos) => ReportDiagnostics(spc, infos));
        context.RegisterSourceOutput(nameDiagnostics, static (spc, infos) => ReportDiagnostics(spc, infos));
    }

    private static bool IsSpec(AnalyzerConfigOptions options) =>
        options.TryGetValue(SpecMetadataKey, out var value)
        && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);

    private static SpecText ReadText(AdditionalText file, CancellationToken cancellationToken) =>
        new(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty);

    private static string? GetModelsNamespace(AnalyzerConfigOptions options)
    {
        if (!options.TryGetValue(NamespaceProperty, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return value.Trim() + ".Models";
    }

    /// <summary>A diagnostic at its annotation for every Kiota name the compilation lacks.</summary>
    private static EquatableArray<DiagnosticInfo> LocateMissingNames(ImmutableArray<EquatableArray<AnnotationAnchor>> anchors, EquatableArray<MissingKiotaName> missing)
    {
        if (missing.IsEmpty)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var diagnostics = new System.Collections.Generic.List<DiagnosticInfo>();
        foreach (var name in missing)
        {
            foreach (var anchor in anchors.SelectMany(static a => a).Where(a => a.EnumName == name.EnumName))
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.KiotaNameNotFound.Id, anchor.Location, new EquatableArray<string>(new[] { anchor.What, name.Missing })));
            }
        }

        return diagnostics.ToEquatableArray();
    }

    private static void ReportDiagnostics(SourceProductionContext context, EquatableArray<DiagnosticInfo> infos)
    {
        foreach (var info in infos)
        {
            context.ReportDiagnostic(ToDiagnostic(info));
        }
    }

    /// <summary>Turns the equatable data back into a Roslyn diagnostic.</summary>
    internal static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var descriptor = DiagnosticDescriptors.ById[info.Id];
        var location = info.Location?.ToLocation() ?? Location.None;
        return Diagnostic.Create(descriptor, location, info.Arguments.Cast<object?>().ToArray());
    }
}
