namespace ContactsSdk.Tests.Generated;

/// <summary>Where the status route's examples live in the spec.</summary>
internal static class StatusRouteFixtures
{
    public const string Path = "/contacts/v1/contacts/actions/delete/status";
    public const string SuppressionPhaseCompleted = "suppressionPhaseCompleted";
    public const string SuppressionPhasePending = "suppressionPhasePending";
    public const string DeletePhaseProcessing = "deletePhaseProcessing";

    public static string Example(string name) => Support.SpecDocument.ResponseExample(Path, "get", "200", name);
}
