using System.Collections.Generic;
using SharpYaml;
using SharpYaml.Events;

namespace ContactsSdk.Generator.Parsing;

/// <summary>A problem that makes a YAML text unfit for a strict YAML 1.2 reader, with its zero-based place.</summary>
/// <param name="IsSyntaxError">True for a syntax error (the text stops being YAML there), false for a duplicate key.</param>
/// <param name="Start">Where the problem starts.</param>
/// <param name="End">Where it ends.</param>
/// <param name="Message">What is wrong, without SharpYaml's own position prefix.</param>
internal sealed record StrictYamlProblem(bool IsSyntaxError, Mark Start, Mark End, string Message);

/// <summary>
/// Checks what every YAML 1.2 reader must refuse and some accept anyway: syntax errors, and a key
/// repeated in one mapping (readers disagree about which value wins, so the spec would mean
/// different things to different tools). Shared, as source, by the status generator and the spec
/// checker that the build runs before Kiota.
/// </summary>
internal static class StrictYaml
{
    /// <summary>Every duplicate key, then the first syntax error if there is one (reading stops there).</summary>
    public static IReadOnlyList<StrictYamlProblem> Check(string text)
    {
        var problems = new List<StrictYamlProblem>();
        var parser = Parser.CreateParser(new System.IO.StringReader(text));
        var frames = new Stack<Frame>();
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is { } current)
                {
                    Visit(current, frames, problems);
                }
            }
        }
        catch (YamlException exception)
        {
            problems.Add(new StrictYamlProblem(true, exception.Start, exception.End, WithoutMarks(exception.Message)));
        }

        return problems;
    }

    private static void Visit(ParsingEvent current, Stack<Frame> frames, List<StrictYamlProblem> problems)
    {
        switch (current)
        {
            case DocumentStart:
                frames.Clear();
                return;
            case MappingEnd:
            case SequenceEnd:
                frames.Pop();
                NodeDone(frames);
                return;
        }

        if (current is not NodeEvent)
        {
            return;
        }

        if (frames.Count > 0 && frames.Peek() is { IsMapping: true, ExpectingKey: true } mapping && current is Scalar key)
        {
            var name = key.Value ?? string.Empty;
            if (mapping.Keys.TryGetValue(name, out var first))
            {
                problems.Add(new StrictYamlProblem(
                    false,
                    key.Start,
                    key.End,
                    $"The key '{name}' appears twice in one mapping (first at line {first.Line + 1}); YAML requires unique keys and readers disagree about which value wins."));
            }
            else
            {
                mapping.Keys.Add(name, key.Start);
            }
        }

        switch (current)
        {
            case MappingStart:
                frames.Push(new Frame(isMapping: true));
                break;
            case SequenceStart:
                frames.Push(new Frame(isMapping: false));
                break;
            default:
                NodeDone(frames);
                break;
        }
    }

    /// <summary>A node ended: in a mapping, a key is followed by its value and a value by the next key.</summary>
    private static void NodeDone(Stack<Frame> frames)
    {
        if (frames.Count > 0 && frames.Peek().IsMapping)
        {
            frames.Peek().ExpectingKey = !frames.Peek().ExpectingKey;
        }
    }

    /// <summary>SharpYaml prefixes its messages with the marks, which the location already gives.</summary>
    public static string WithoutMarks(string message)
    {
        var colon = message.IndexOf("): ", System.StringComparison.Ordinal);
        return colon >= 0 && message.StartsWith("(", System.StringComparison.Ordinal) ? message.Substring(colon + 3) : message;
    }

    private sealed class Frame
    {
        public Frame(bool isMapping) => IsMapping = isMapping;

        public bool IsMapping { get; }

        public bool ExpectingKey { get; set; } = true;

        public Dictionary<string, Mark> Keys { get; } = new(System.StringComparer.Ordinal);
    }
}
