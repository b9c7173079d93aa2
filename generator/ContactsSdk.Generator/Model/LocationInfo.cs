using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ContactsSdk.Generator.Model;

/// <summary>
/// A place in the spec file, as plain data (a <see cref="Location"/> is not kept in pipeline models).
/// Lines and columns are zero-based, as Roslyn counts them; the compiler prints them one-based.
/// </summary>
internal sealed record LocationInfo(
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn)
{
    /// <summary>Builds the Roslyn location in the spec file.</summary>
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}
