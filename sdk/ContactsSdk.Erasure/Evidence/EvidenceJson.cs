using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContactsSdk.Erasure.Evidence;

/// <summary>How digests and evidence are written: indented, and with quotes and '+' as themselves, so a person can read the embedded receipt.</summary>
internal static class EvidenceJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
