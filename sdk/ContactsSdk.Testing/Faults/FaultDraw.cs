using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Testing.Faults;

/// <summary>
/// What a probabilistic fault rule draws from: a request's identity (route, method, target and a
/// hash of its body) and a seed derived from it, stable across processes (unlike
/// <see cref="string.GetHashCode()"/>), so that a seeded run replays on any machine.
/// </summary>
internal static class FaultDraw
{
    /// <summary>
    /// The identity of <paramref name="context"/>'s request. The body is read into a buffer and
    /// rewound, so the route still reads it whole; only its hash enters the identity, never its text.
    /// </summary>
    public static async Task<string> IdentityOfAsync(HttpContext context, EmulatorRoute route)
    {
        var request = context.Request;
        var identity = string.Create(CultureInfo.InvariantCulture, $"{route}|{request.Method}|{request.Path}{request.QueryString}");
        if (HttpMethods.IsGet(request.Method) || request.ContentLength is 0)
        {
            return identity;
        }

        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        return identity + "|" + Convert.ToHexString(SHA256.HashData(body.ToArray()));
    }

    /// <summary>The seed of the <paramref name="occurrence"/>th (0-based) request with <paramref name="identity"/>.</summary>
    public static int Seed(int planSeed, string identity, int occurrence)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{planSeed}|{occurrence}|{identity}")));
        return BinaryPrimitives.ReadInt32LittleEndian(hash);
    }
}
