using System;
using System.Collections.Generic;
using System.IO;
using ContactsSdk.TestSupport;
using Xunit;
using Xunit.Sdk;

namespace ContactsSdk.Generator.Tests;

/// <summary>
/// The baseline-update mode (CONTACTSSDK_UPDATE_BASELINES=1) rewrites baseline files on a developer's
/// machine, and is refused under CI: there a baseline test must fail, leaving the committed file as it
/// was, instead of passing after rewriting it. The environment is handed in, so these tests never change
/// the process's own variables, which the other baseline tests read in parallel.
/// </summary>
public sealed class BaselineUpdateModeTests : IDisposable
{
    private readonly TempDirectory _directory = new("contactssdk-baseline-");
    private readonly string _path;

    public BaselineUpdateModeTests()
    {
        _path = _directory.File("baseline.txt");
        File.WriteAllText(_path, "committed\n");
    }

    [Theory]
    [InlineData("1", "true")]
    [InlineData("true", "TRUE")]
    [InlineData("1", "1")]
    public void Under_ci_the_update_mode_fails_the_test_and_leaves_the_baseline_as_committed(string update, string ci)
    {
        var environment = Environment(update: update, ci: ci);

        var failure = Assert.Throws<FailException>(() => BaselineFile.AssertMatches(_path, "baseline.txt", "changed output\n", environment));

        Assert.Contains(BaselineFile.UpdateVariable, failure.Message, StringComparison.Ordinal);
        Assert.Contains("CI", failure.Message, StringComparison.Ordinal);
        Assert.Equal("committed\n", File.ReadAllText(_path));
    }

    [Fact]
    public void Under_ci_the_update_mode_fails_even_when_the_output_matches()
    {
        // A refusal that depended on the output would let a CI run with the variable set pass silently.
        var environment = Environment(update: "1", ci: "true");

        Assert.Throws<FailException>(() => BaselineFile.AssertMatches(_path, "baseline.txt", "committed\n", environment));
        Assert.Throws<FailException>(() => BaselineFile.UpdateRequested(environment));
    }

    [Fact]
    public void Outside_ci_the_update_mode_rewrites_the_baseline()
    {
        var environment = Environment(update: "1", ci: null);

        BaselineFile.AssertMatches(_path, "baseline.txt", "changed output\r\n", environment);

        Assert.Equal("changed output\n", File.ReadAllText(_path));
    }

    [Theory]
    [InlineData(null, "true")]
    [InlineData("0", "true")]
    [InlineData(null, null)]
    public void Without_the_update_mode_a_different_output_fails_and_a_matching_one_passes(string? update, string? ci)
    {
        var environment = Environment(update, ci);

        var failure = Assert.ThrowsAny<XunitException>(() => BaselineFile.AssertMatches(_path, "baseline.txt", "changed output\n", environment));
        Assert.Contains("differs from baseline baseline.txt", failure.Message, StringComparison.Ordinal);
        BaselineFile.AssertMatches(_path, "baseline.txt", "committed\r\n", environment);
        Assert.Equal("committed\n", File.ReadAllText(_path));
    }

    public void Dispose() => _directory.Dispose();

    private static Func<string, string?> Environment(string? update, string? ci)
    {
        var variables = new Dictionary<string, string?> { [BaselineFile.UpdateVariable] = update, ["CI"] = ci };
        return name => variables.TryGetValue(name, out var value) ? value : null;
    }
}
