namespace ContactsSdk.Generator.Tests.Infrastructure;

/// <summary>
/// The delete status route's response examples embedded in spec/contacts.yaml, read as their raw
/// JSON text, so the tests and the spec cannot drift apart.
/// </summary>
internal static class SpecExamples
{
    public const string StatusPath = ContactsSdk.TestSupport.SpecExamples.DeleteStatusPath;

    // One text instance, so the shared reader parses the spec once for all examples.
    private static readonly System.Lazy<string> s_spec = new(TestPaths.ReadSpec);

    public static string Read(string name) =>
        ContactsSdk.TestSupport.SpecExamples.ResponseJson(s_spec.Value, StatusPath, "get", name);
}
