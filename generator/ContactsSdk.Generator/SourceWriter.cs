using System;
using System.Text;

namespace ContactsSdk.Generator;

/// <summary>
/// An indentation-aware writer for generated C#, after dotnet/runtime's <c>SourceWriter</c>: a
/// block of code is written as one multi-line template (a raw string literal), and every line of it
/// lands at the current indentation, so the emitter's code has the shape of its output.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _builder = new();
    private int _indentation;

    /// <summary>
    /// Writes <paramref name="text"/> followed by a line break; each of its lines is indented to
    /// the current level, and an empty line gets no trailing spaces.
    /// </summary>
    public SourceWriter WriteLine(string text)
    {
        var start = 0;
        while (true)
        {
            var end = text.IndexOf('\n', start);
            var line = end < 0 ? text.Substring(start) : text.Substring(start, end - start);
            AppendLine(line.TrimEnd('\r'));
            if (end < 0)
            {
                return this;
            }

            start = end + 1;
        }
    }

    /// <summary>Writes an empty line.</summary>
    public SourceWriter WriteLine()
    {
        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <c>{</c> and indents what follows.</summary>
    public SourceWriter OpenBlock()
    {
        AppendLine("{");
        _indentation++;
        return this;
    }

    /// <summary>Unindents and writes <c>}</c>.</summary>
    public SourceWriter CloseBlock()
    {
        Unindent();
        AppendLine("}");
        return this;
    }

    /// <summary>Indents what follows without a brace (the statements of a <c>case</c>).</summary>
    public SourceWriter Indent()
    {
        _indentation++;
        return this;
    }

    /// <summary>Ends an <see cref="Indent"/>.</summary>
    public SourceWriter Unindent()
    {
        if (_indentation == 0)
        {
            throw new InvalidOperationException("Nothing to unindent.");
        }

        _indentation--;
        return this;
    }

    /// <summary>The text written so far.</summary>
    public override string ToString() => _builder.ToString();

    private void AppendLine(string line)
    {
        if (line.Length > 0)
        {
            _builder.Append(' ', _indentation * IndentSize);
            _builder.Append(line);
        }

        _builder.Append('\n');
    }
}
