using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ContactsSdk.Erasure.Evidence;

namespace ContactsSdk.Sample.Erasure;

/// <summary>
/// The ledger's digest signing keys: one PEM file per key in a directory beside the ledger, named by
/// the key's ID. IDs carry their creation time, so the newest key (the greatest ID) signs; the older
/// ones stay to verify what they signed before a rotation.
/// </summary>
internal sealed class SigningKeyFiles
{
    private const string Extension = ".pem";

    public SigningKeyFiles(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>The key ring, with a first key made when there is none (for a new ledger, or one made before digests were).</summary>
    public IReadOnlyList<DigestSigningKey> LoadOrCreate()
    {
        var keys = Load();
        if (keys.Count == 0)
        {
            Add();
            keys = Load();
        }

        return keys;
    }

    /// <summary>Makes a new key that signs from now on; the earlier ones keep verifying.</summary>
    public DigestSigningKey Rotate()
    {
        var id = Add();
        return Load().Single(k => k.KeyId == id);
    }

    /// <summary>The ID of the key that signs: the newest.</summary>
    public static string CurrentId(IReadOnlyList<DigestSigningKey> keys) => keys.Select(k => k.KeyId).Order(StringComparer.Ordinal).Last();

    private List<DigestSigningKey> Load() =>
        !System.IO.Directory.Exists(Directory)
            ? []
            : [.. System.IO.Directory.GetFiles(Directory, "*" + Extension)
                .Order(StringComparer.Ordinal)
                .Select(path => DigestSigningKey.FromPem(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path)))];

    /// <summary>Writes a new key under a time-ordered ID, whole under a name of its own and then moved into place, readable by the owner only.</summary>
    private string Add()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var id = "sign-" + DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var key = DigestSigningKey.Create(id);
        var written = Path.Combine(Directory, id + "." + Guid.NewGuid().ToString("N") + ".new");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var file = new StreamWriter(written, options))
            {
                file.Write(key.Key.ExportPkcs8PrivateKeyPem());
            }

            // Two commands making a first key in the same millisecond: the first one's key stands.
            File.Move(written, Path.Combine(Directory, id + Extension), overwrite: false);
        }
        catch (IOException) when (File.Exists(Path.Combine(Directory, id + Extension)))
        {
        }
        finally
        {
            File.Delete(written);
        }

        return id;
    }
}
