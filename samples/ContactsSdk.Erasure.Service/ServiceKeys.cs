using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using ContactsSdk.Erasure.Evidence;

namespace ContactsSdk.Erasure.Service;

/// <summary>
/// The service's keys, in files beside the ledger (or where <c>Erasure:KeyDirectory</c> says): the
/// subject-hash key (<c>subject.key</c>, base64) and the digest signing key (<c>signing-*.pem</c>).
/// Each is made on first start, written whole under a name of its own and moved into place only if none
/// is there, so several instances starting at once share one.
/// </summary>
internal sealed class ServiceKeys(string directory)
{
    private const int KeyBytes = 32;

    public byte[] SubjectHashKey()
    {
        var path = Path.Combine(directory, "subject.key");
        CreateOnce(path, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)));
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }

    public DigestSigningKey SigningKey()
    {
        var existing = Directory.Exists(directory) ? Directory.GetFiles(directory, "signing-*.pem").Order(StringComparer.Ordinal).LastOrDefault() : null;
        var path = existing ?? Path.Combine(directory, "signing-1.pem");
        CreateOnce(path, () => ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem());
        return DigestSigningKey.FromPem(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path));
    }

    private void CreateOnce(string path, Func<string> content)
    {
        if (File.Exists(path))
        {
            return;
        }
        Directory.CreateDirectory(directory);
        var written = path + "." + Guid.NewGuid().ToString("N") + ".new";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using (var file = new StreamWriter(written, options))
            {
                file.Write(content());
            }
            File.Move(written, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance made it first: that one is the key.
        }
        finally
        {
            File.Delete(written);
        }
    }
}
