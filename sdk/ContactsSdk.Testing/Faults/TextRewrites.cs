using System;
using System.Text;

namespace ContactsSdk.Testing.Faults;

/// <summary>Rewrites that break a body's JSON syntax.</summary>
internal static class TextRewrites
{
    private static readonly byte[] FirstColon = Encoding.UTF8.GetBytes("\":");

    /// <summary>The first half of the body: what a client reads when a response is cut short.</summary>
    public static byte[] Truncate(byte[] body) => body.AsSpan(0, body.Length / 2).ToArray();

    /// <summary>
    /// Damage in the middle of the document: the first property's colon becomes '=', which no JSON
    /// parser accepts. A body without a property gets a stray closing brace instead.
    /// </summary>
    public static byte[] Malform(byte[] body)
    {
        var index = body.AsSpan().IndexOf(FirstColon);
        if (index < 0)
        {
            return [.. body, (byte)'}'];
        }

        var damaged = (byte[])body.Clone();
        damaged[index + 1] = (byte)'=';
        return damaged;
    }
}
