namespace ContactsSdk.Generator.Tests.Infrastructure;

/// <summary>
/// The delete status route's response examples embedded in spec/contacts.yaml, read as their raw
/// JSON text, so the tests and the spec cannot drift apart.
/// </summary>
internal static class SpecExamples
{
    public const string StatusPath = ContactsSdk.Testing.SpecExamples.DeleteStatusPath;

    public static string Read(string name) =>
        ContactsSdk.Testing.SpecExamples.ResponseJson(TestPaths.ReadSpec(), StatusPath, "get", name);
}
