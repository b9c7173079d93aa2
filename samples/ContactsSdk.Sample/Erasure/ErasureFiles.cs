using System;
using System.IO;
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
    }

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

    private byte[] ReadKey()
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(File.ReadAllText(KeyPath).Trim());
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"The key file {KeyPath} does not hold a base64 key.");
        }

        return key.Length >= KeyBytes ? key : throw new InvalidDataException($"The key file {KeyPath} holds fewer than {KeyBytes} bytes.");
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
