using System;
using System.IO;
using ContactsSdk.Testing;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Tests.Support;

/// <summary>
/// Reads fixtures straight out of spec/contacts.yaml (copied next to the test assembly), so the
/// spec's examples and the tests that use them cannot drift apart.
/// </summary>
internal static class SpecDocument
{
    private static readonly Lazy<string> Text = new(() => File.ReadAllText(FilePath));

    /// <summary>The spec file copied next to the test assembly.</summary>
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "spec", "contacts.yaml");

    /// <summary>The raw JSON text of a named response example, exactly as written in the spec.</summary>
    public static string ResponseExample(string path, string method, string status, string exampleName) =>
        SpecExamples.ResponseJson(Text.Value, path, method, exampleName, status);

    /// <summary>The names of a response's examples, in document order.</summary>
    public static string[] ResponseExampleNames(string path, string method, string status) =>
        SpecExamples.ResponseExampleNames(Text.Value, path, method, status);
}
