using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace ContactsSdk.Sample.Erasure;

/// <summary>
/// Where the erasure commands keep things: the ledger (a SQLite file), the key of its subject hashes
/// beside it, and, in emulator mode, the emulator's operations beside it too, so that a command killed
/// at any moment and run again continues the same erasure against the same emulated deletion.
/// </summary>
internal sealed class ErasureFiles
{
    private const int KeyBytes = 32;

    public ErasureFiles(string ledgerPath)
    {
        LedgerPath = Path.GetFullPath(ledgerPath);
        KeyPath = LedgerPath + ".key";
        EmulatorStatePath = LedgerPath + ".emulator.json";
        SigningKeys = new SigningKeyFiles(LedgerPath + ".signing");
        RotatedKeysDirectory = LedgerPath + ".subject-keys";
    }

    /// <summary>The ID of the ledger's first subject-hash key (<see cref="KeyPath"/>), which also keys its hash chain.</summary>
    public const string FirstKeyId = "default";

    /// <summary>Subject-hash keys made by rotations, one base64 file per key named by its time-ordered ID.</summary>
    public string RotatedKeysDirectory { get; }

    /// <summary>The digest signing keys, in a directory beside the ledger.</summary>
    public SigningKeyFiles SigningKeys { get; }

    /// <summary>The default ledger: the user's local application data, as other .NET tools keep theirs.</summary>
    public static string DefaultLedgerPath => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "ContactsSdk.Sample", "erasures.db");

    public string LedgerPath { get; }

    /// <summary>The HMAC key of the subject hashes, kept apart from the ledger's database.</summary>
    public string KeyPath { get; }

    public string EmulatorStatePath { get; }

    public bool LedgerExists => File.Exists(LedgerPath);

    /// <summary>The subject-hash key: read from its file, or made (random, readable by the owner only) for a new ledger.</summary>
    public byte[] LoadOrCreateKey()
    {
        if (File.Exists(KeyPath))
        {
            return ReadKey();
        }

        if (LedgerExists)
        {
            // A new key would make every earlier hash and the ledger's chain unverifiable.
            throw new InvalidDataException($"The ledger {LedgerPath} exists but its key file {KeyPath} is missing; restore the key file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(LedgerPath)!);
        var created = RandomNumberGenerator.GetBytes(KeyBytes);
        // Written whole under a name of its own, then moved into place only if no key is there yet: several
        // commands started at once on a new ledger never see half a key, and all end up with the same one.
        var written = KeyPath + "." + Guid.NewGuid().ToString("N") + ".new";
        try
        {
            WriteKey(written, created);
            File.Move(written, KeyPath, overwrite: false);
            return created;
        }
        catch (IOException) when (File.Exists(KeyPath))
        {
            // Another command created the key first: use that one.
            return ReadKey();
        }
        finally
        {
            File.Delete(written);
        }
    }

    /// <summary>
    /// Every subject-hash key by ID: the first (made for a new ledger) and those of later rotations. The
    /// newest hashes new erasures' subjects.
    /// </summary>
    public (IReadOnlyDictionary<string, byte[]> Keys, string CurrentId) LoadOrCreateKeyRing()
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [FirstKeyId] = LoadOrCreateKey() };
        if (Directory.Exists(RotatedKeysDirectory))
        {
            foreach (var path in Directory.GetFiles(RotatedKeysDirectory, "*.key").Order(StringComparer.Ordinal))
            {
                keys[Path.GetFileNameWithoutExtension(path)] = ReadKey(path);
            }
        }

        return (keys, keys.Keys.Where(id => id != FirstKeyId).Order(StringComparer.Ordinal).LastOrDefault() ?? FirstKeyId);
    }

    /// <summary>Makes a new subject-hash key that new erasures use from now on; returns its ID.</summary>
    public string RotateKey()
    {
        Directory.CreateDirectory(RotatedKeysDirectory);
        var id = "subjects-" + DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        WriteKey(Path.Combine(RotatedKeysDirectory, id + ".key"), RandomNumberGenerator.GetBytes(KeyBytes));
        return id;
    }

    private byte[] ReadKey() => ReadKey(KeyPath);

    private static byte[] ReadKey(string path)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"The key file {path} does not hold a base64 key.");
        }

        return key.Length >= KeyBytes ? key : throw new InvalidDataException($"The key file {path} holds fewer than {KeyBytes} bytes.");
    }

    private static void WriteKey(string path, byte[] key)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new StreamWriter(path, options);
        file.Write(Convert.ToBase64String(key));
    }
}
