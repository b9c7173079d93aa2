using System;
using System.Globalization;

namespace ContactsSdk.Tests.Reliability.Soak;

/// <summary>
/// The size and seed of a soak run. CI runs the default size; a full run sets
/// <c>CONTACTSSDK_SOAK_OPERATIONS</c> (200 or more) and may vary <c>CONTACTSSDK_SOAK_SEED</c>.
/// </summary>
internal sealed record SoakSettings(int Operations, int Seed)
{
    public const string OperationsVariable = "CONTACTSSDK_SOAK_OPERATIONS";
    public const string SeedVariable = "CONTACTSSDK_SOAK_SEED";

    /// <summary>Small enough for every CI run; the full figure uses 200 and more.</summary>
    public const int DefaultOperations = 60;

    public const int DefaultSeed = 1080;

    public static SoakSettings FromEnvironment() =>
        new(Read(OperationsVariable, DefaultOperations), Read(SeedVariable, DefaultSeed));

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
