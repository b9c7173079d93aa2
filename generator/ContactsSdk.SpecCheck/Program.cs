using System;
using System.IO;
using System.Linq;
using ContactsSdk.Generator.Parsing;

namespace ContactsSdk.SpecCheck;

/// <summary>
/// <c>ContactsSdk.SpecCheck SPEC</c>: prints every YAML syntax error (CSDK001) and duplicate key
/// (CSDK019) of the spec in the canonical MSBuild error format, so the build shows each at its line
/// and column, and exits 1 when there is any; 0 when the spec is strict YAML.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("Usage: ContactsSdk.SpecCheck <path to the OpenAPI spec>");
            return 2;
        }

        var path = Path.GetFullPath(args[0]);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.WriteLine($"{path}: error CSDK001: The spec cannot be read: {ex.Message}");
            return 1;
        }

        var problems = StrictYaml.Check(text);
        foreach (var problem in problems.OrderBy(p => p.Start.Index))
        {
            var id = problem.IsSyntaxError ? "CSDK001" : "CSDK019";
            var what = problem.IsSyntaxError ? "The spec is not well-formed YAML" : "Duplicate key";
            // Marks are zero-based; MSBuild lines and columns are one-based.
            Console.WriteLine($"{path}({problem.Start.Line + 1},{problem.Start.Column + 1}): error {id}: {what}: {problem.Message} Kiota was not run; the generated client was left as it was.");
        }

        return problems.Count == 0 ? 0 : 1;
    }
}
