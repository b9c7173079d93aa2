using System;
using System.IO;
using System.Text.Json;
using ContactsSdk.Testing;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Testing.Tests.Support;

/// <summary>
/// The route document's status examples (and any other route's examples), read from the spec
/// copied next to the test assembly, where they are embedded verbatim as JSON flow mappings.
/// </summary>
internal static class SeedExamples
{
    public const string SuppressionPhaseCompleted = "suppressionPhaseCompleted";
    public const string SuppressionPhasePending = "suppressionPhasePending";
    public const string DeletePhaseProcessing = "deletePhaseProcessing";

    private static readonly Lazy<string> SpecText = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "contacts.yaml")));

    public static JsonDocument Load(string exampleName) => JsonDocument.Parse(RawJson(exampleName));

    public static string RawJson(string exampleName) =>
        RawResponseJson(SpecExamples.DeleteStatusPath, "get", exampleName);

    /// <summary>A named example of the 200 response of any route in the spec.</summary>
    public static JsonDocument LoadResponse(string path, string method, string exampleName) =>
        JsonDocument.Parse(RawResponseJson(path, method, exampleName));

    /// <summary>A named example of the request body of any route in the spec.</summary>
    public static string RawRequestJson(string path, string method, string exampleName) =>
        SpecExamples.RequestJson(SpecText.Value, path, method, exampleName);

    public static string RawResponseJson(string path, string method, string exampleName) =>
        SpecExamples.ResponseJson(SpecText.Value, path, method, exampleName);
}
