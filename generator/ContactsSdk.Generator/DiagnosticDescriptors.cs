using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ContactsSdk.Generator;

/// <summary>
/// Every diagnostic the generator reports. IDs are listed in AnalyzerReleases.*.md and in the
/// table of spec/README.md; keep the three in step.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "ContactsSdk.Spec";

    // Each ID has an anchor in the diagnostics table of spec/README.md (relative to the repository
    // root: the project publishes no web address of its own).
    private const string HelpBase = "spec/README.md#";

    /// <summary>CSDK001: the spec is not valid YAML (or cannot be read at all).</summary>
    public static readonly DiagnosticDescriptor SpecSyntaxError = new(
        id: "CSDK001",
        title: "The OpenAPI spec cannot be read",
        messageFormat: "The spec '{0}' cannot be read: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk001",
        description: "The spec is not well-formed YAML, so no status annotation can be read from it.");

    /// <summary>CSDK002: a key the vocabulary does not know.</summary>
    public static readonly DiagnosticDescriptor UnknownKey = new(
        id: "CSDK002",
        title: "Unknown annotation key",
        messageFormat: "Unknown key '{0}' in {1}; known keys are: {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk002",
        description: "A misspelt key would silently drop meaning, so every key of x-contacts-status and x-contacts-lifecycle must be known.");

    /// <summary>CSDK003: a value of the wrong type or outside its allowed set.</summary>
    public static readonly DiagnosticDescriptor InvalidValue = new(
        id: "CSDK003",
        title: "Annotation value has the wrong type",
        messageFormat: "{0} must be {1}, but is {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk003",
        description: "An annotation value has the wrong YAML type, or a wire value does not match the type of the annotated property.");

    /// <summary>CSDK004: a required key is missing.</summary>
    public static readonly DiagnosticDescriptor MissingKey = new(
        id: "CSDK004",
        title: "Required annotation key is missing",
        messageFormat: "{0} needs the key '{1}'",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk004",
        description: "A required key of x-contacts-status or x-contacts-lifecycle is missing.");

    /// <summary>CSDK005: the same wire value listed twice.</summary>
    public static readonly DiagnosticDescriptor DuplicateValue = new(
        id: "CSDK005",
        title: "Duplicate wire value",
        messageFormat: "The wire value '{0}' is listed more than once in {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk005",
        description: "Each wire value may be listed once (compared without case unless caseSensitive is true).");

    /// <summary>CSDK006: the same name used twice.</summary>
    public static readonly DiagnosticDescriptor DuplicateName = new(
        id: "CSDK006",
        title: "Duplicate name",
        messageFormat: "The name '{0}' is used more than once in {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk006",
        description: "Member, state and phase names must be unique within their enum, and generated type and accessor names unique in the models' namespace.");

    /// <summary>CSDK007: a name that cannot be a C# identifier.</summary>
    public static readonly DiagnosticDescriptor InvalidIdentifier = new(
        id: "CSDK007",
        title: "Name is not a valid C# identifier",
        messageFormat: "'{0}' ({1}) is not a valid C# identifier",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk007",
        description: "Enum, member, state, phase and accessor names become C# identifiers: letters, digits and underscores, not starting with a digit, not a keyword.");

    /// <summary>CSDK008: the fallback names no member.</summary>
    public static readonly DiagnosticDescriptor FallbackNotMember = new(
        id: "CSDK008",
        title: "Fallback is not a member",
        messageFormat: "The fallback '{0}' of {1} is not one of its members ({2})",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk008",
        description: "Every unlisted or missing wire value maps to the fallback, so it must be one of the listed members.");

    /// <summary>CSDK009: a lifecycle refers to something that does not exist.</summary>
    public static readonly DiagnosticDescriptor LifecycleMissingField = new(
        id: "CSDK009",
        title: "Lifecycle refers to a missing field",
        messageFormat: "{0}: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk009",
        description: "A lifecycle phase's condition must name a property of the annotated schema, and its status path must lead to a property annotated with x-contacts-status.");

    /// <summary>CSDK010: the annotation sits where Kiota generates nothing it could extend.</summary>
    public static readonly DiagnosticDescriptor NotGenerated = new(
        id: "CSDK010",
        title: "Annotation on a schema or property Kiota does not generate",
        messageFormat: "{0} at '{1}' has no Kiota model to extend: {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk010",
        description: "x-contacts-status belongs on a property of a component schema that Kiota generates a model class for; x-contacts-lifecycle on such a schema.");

    /// <summary>CSDK011: the annotated property's type cannot carry open status values.</summary>
    public static readonly DiagnosticDescriptor UnsupportedPropertyType = new(
        id: "CSDK011",
        title: "Annotated property has an unsupported type",
        messageFormat: "The property '{0}' cannot carry x-contacts-status: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk011",
        description: "A status property must stay type: string (without a format Kiota maps to another type) or type: integer, and must not have enum: (Kiota would turn unknown values into null).");

    /// <summary>CSDK012: a phase's state map is incomplete or names unknown things.</summary>
    public static readonly DiagnosticDescriptor LifecycleMapping = new(
        id: "CSDK012",
        title: "Lifecycle state map is incomplete or wrong",
        messageFormat: "Phase '{0}': {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk012",
        description: "A phase's states map must map every member of its status enum, and only those, to a declared lifecycle state.");

    /// <summary>CSDK013: a name or description given twice, or a standard enum extension that does not fit.</summary>
    public static readonly DiagnosticDescriptor StandardExtensionConflict = new(
        id: "CSDK013",
        title: "Standard enum extension conflicts with the annotation",
        messageFormat: "{0}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk013",
        description: "Names and descriptions come either from x-contacts-status or from x-ms-enum / x-enum-varnames / x-enum-descriptions, never from both, and those extensions must line up with the listed values.");

    /// <summary>CSDK014: Microsoft.OpenApi.Readers reported a problem.</summary>
    public static readonly DiagnosticDescriptor OpenApiReaderProblem = new(
        id: "CSDK014",
        title: "The OpenAPI reader reported a problem",
        messageFormat: "OpenAPI: {0}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk014",
        description: "Microsoft.OpenApi.Readers found the spec not to be a valid OpenAPI document at this place. Information only: Kiota is the judge of the document, and a spec being edited (a route whose schema is not written yet) must still build.");

    /// <summary>CSDK015: a failure inside the generator.</summary>
    public static readonly DiagnosticDescriptor InternalError = new(
        id: "CSDK015",
        title: "The status generator failed on this spec",
        messageFormat: "The status generator failed while reading this spec ({0}); please report it with the spec",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk015",
        description: "An unexpected failure inside the generator, reported instead of crashing the build.");

    /// <summary>CSDK016: the Kiota models' namespace is not known.</summary>
    public static readonly DiagnosticDescriptor MissingNamespace = new(
        id: "CSDK016",
        title: "Kiota client namespace is not set",
        messageFormat: "The MSBuild property KiotaClientNamespace is not visible to the compiler; add <CompilerVisibleProperty Include=\"KiotaClientNamespace\" /> and set the property",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk016",
        description: "The status types are generated into the Kiota models' namespace (KiotaClientNamespace + \".Models\").");

    /// <summary>CSDK017: a lifecycle phase that earlier phases leave no response to.</summary>
    public static readonly DiagnosticDescriptor UnreachablePhase = new(
        id: "CSDK017",
        title: "Lifecycle phase can never apply",
        messageFormat: "Phase '{0}' of {1} can never apply: {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk017",
        description: "Phases are checked in order and the first whose condition holds wins. A phase whose condition an earlier phase already tests, or that follows two phases with opposite conditions on the same property, is never reached; the accessor never reports it.");

    /// <summary>CSDK018: a Kiota class or property the generated code needs is not in the compilation.</summary>
    public static readonly DiagnosticDescriptor KiotaNameNotFound = new(
        id: "CSDK018",
        title: "Kiota model or property not found",
        messageFormat: "{0} extends a Kiota model, but the compilation has no {1}; was it renamed (a Kiota upgrade or a schema rename)? Nothing is generated for this annotation",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk018",
        description: "The generator predicts the names Kiota gives to model classes and properties and checks them in the compilation. When one is missing, the annotation is reported here rather than as a compile error inside a generated file.");

    /// <summary>CSDK019: a key repeated in one YAML mapping (also reported by the spec check the build runs before Kiota).</summary>
    public static readonly DiagnosticDescriptor DuplicateKey = new(
        id: "CSDK019",
        title: "Duplicate key in the spec",
        messageFormat: "The spec '{0}' has a duplicate key: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "csdk019",
        description: "YAML requires the keys of a mapping to be unique. Readers that accept a repeated key keep one of the values, not always the same one, so Kiota, the status generator and the linters could each read a different spec.");

    /// <summary>All descriptors by ID.</summary>
    public static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ById = new Dictionary<string, DiagnosticDescriptor>
    {
        [SpecSyntaxError.Id] = SpecSyntaxError,
        [UnknownKey.Id] = UnknownKey,
        [InvalidValue.Id] = InvalidValue,
        [MissingKey.Id] = MissingKey,
        [DuplicateValue.Id] = DuplicateValue,
        [DuplicateName.Id] = DuplicateName,
        [InvalidIdentifier.Id] = InvalidIdentifier,
        [FallbackNotMember.Id] = FallbackNotMember,
        [LifecycleMissingField.Id] = LifecycleMissingField,
        [NotGenerated.Id] = NotGenerated,
        [UnsupportedPropertyType.Id] = UnsupportedPropertyType,
        [LifecycleMapping.Id] = LifecycleMapping,
        [StandardExtensionConflict.Id] = StandardExtensionConflict,
        [OpenApiReaderProblem.Id] = OpenApiReaderProblem,
        [InternalError.Id] = InternalError,
        [MissingNamespace.Id] = MissingNamespace,
        [UnreachablePhase.Id] = UnreachablePhase,
        [KiotaNameNotFound.Id] = KiotaNameNotFound,
        [DuplicateKey.Id] = DuplicateKey,
    };
}
