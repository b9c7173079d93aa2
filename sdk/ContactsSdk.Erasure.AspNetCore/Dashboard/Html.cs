using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace ContactsSdk.Erasure.AspNetCore.Dashboard;

/// <summary>
/// Builds a page from interpolated strings whose literal parts are markup and whose every hole is a
/// value, HTML-encoded (times as UTC, numbers and enums under the invariant culture). There is no way to
/// append a value unencoded: markup only ever comes from the dashboard's own string literals.
/// </summary>
internal sealed class Html
{
    private readonly StringBuilder _text = new();

    public Html Add([InterpolatedStringHandlerArgument("")] ref Handler markup)
    {
        _ = markup;
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>A time as the dashboard shows it: UTC to the second, readable and sortable.</summary>
    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    [InterpolatedStringHandler]
    public readonly ref struct Handler
    {
        private readonly StringBuilder _text;

        public Handler(int literalLength, int formattedCount, Html html)
        {
            _ = (literalLength, formattedCount);
            _text = html._text;
        }

        public void AppendLiteral(string markup) => _text.Append(markup);

        public void AppendFormatted(string? value) => _text.Append(HtmlEncoder.Default.Encode(value ?? ""));

        public void AppendFormatted(DateTimeOffset value) => AppendFormatted(Time(value));

        public void AppendFormatted(DateTimeOffset? value) => AppendFormatted(value is { } time ? Time(time) : "—");

        public void AppendFormatted<T>(T value) => AppendFormatted(Convert.ToString(value, CultureInfo.InvariantCulture));
    }
}
