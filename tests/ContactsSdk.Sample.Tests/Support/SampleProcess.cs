using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Sample.Tests.Support;

/// <summary>
/// Starts the built programs (the sample, the emulator host) on the shared <see cref="ChildProcess"/>
/// in an environment that carries no Marketing Cloud settings and no CI markers, with HOME a fresh
/// directory, so neither the machine's user secrets nor its variables can change what they do.
/// </summary>
internal static class SampleProcess
{
    /// <summary>Starts <c>dotnet &lt;program&gt;.dll args</c> from the test output.</summary>
    public static ChildProcess Start(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        StartExecutable(ChildProcess.DotnetHost(), [ProgramPath(program), .. arguments], environment);

    /// <summary>The path of a program's assembly in the test output.</summary>
    public static string ProgramPath(string program) => Path.Combine(System.AppContext.BaseDirectory, program + ".dll");

    /// <summary>Starts any executable with the same isolated environment.</summary>
    public static ChildProcess StartExecutable(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        ChildProcess.Start(fileName, arguments, start =>
        {
            start.RedirectStandardInput = true;
            Isolate(start.Environment);
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }
        });

    /// <summary>Runs the program to its end (bounded by <see cref="ChildProcess.DefaultTimeout"/>).</summary>
    public static async Task<ChildProcess> RunAsync(string program, params string[] arguments) =>
        await RunAsync(program, arguments, null);

    public static async Task<ChildProcess> RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var child = Start(program, arguments, environment);
        await child.WaitForExitAsync();
        return child;
    }

    /// <summary>Removes what would make a child behave differently on this machine than on another.</summary>
    private static void Isolate(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.ToArray())
        {
            if (name.StartsWith("MarketingCloud", System.StringComparison.OrdinalIgnoreCase) || IsCiMarker(name))
            {
                environment.Remove(name);
            }
        }

        var home = Path.Combine(Path.GetTempPath(), "contactssdk-sample-tests-home");
        Directory.CreateDirectory(home);
        environment["HOME"] = home;
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
    }

    // Spectre.Console turns interactive output off when it sees these.
    private static bool IsCiMarker(string name) =>
        name is "CI" or "TF_BUILD" or "GITHUB_ACTIONS" or "TEAMCITY_VERSION" or "JENKINS_URL" or "GITLAB_CI" or "BUILDKITE" or "TRAVIS" or "APPVEYOR";
}
