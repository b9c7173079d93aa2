using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure;
using ContactsSdk.Erasure.Evidence;
using ContactsSdk.Sample.Cli;
using ContactsSdk.Sample.Display;

namespace ContactsSdk.Sample.Erasure;

// The evidence commands: digests of the whole ledger, checks against them, receipts that stand alone, key rotation.
internal sealed partial class ErasureCommands
{
    /// <summary>Signs a digest of the whole ledger now and writes it (with the public keys, when asked) for keeping outside the database.</summary>
    public async Task<int> DigestAsync(ErasureFiles files, string? outPath, string? publicKeyPath, CancellationToken cancellationToken)
    {
        if (!RequireLedger(files))
        {
            return ExitCodes.Failed;
        }

        await using var session = await ErasureSession.OpenAsync(files);
        var digest = await session.Service.IssueDigestAsync(cancellationToken);
        await WriteOutAsync(outPath, writer => writer.WriteLineAsync(digest.ToJson()));
        if (publicKeyPath is not null)
        {
            await WritePublicKeysAsync(files, publicKeyPath);
        }

        if (outPath is not null)
        {
            console.Line($"Digest of {digest.TreeSize} ledger entries, signed with key '{digest.KeyId}', written to {outPath}. Keep it outside the database.");
        }

        return ExitCodes.Success;
    }

    /// <summary>Checks the ledger against a digest kept earlier, naming what is missing or changed.</summary>
    public async Task<int> VerifyDigestAsync(ErasureFiles files, string digestPath, CancellationToken cancellationToken)
    {
        if (!RequireLedger(files))
        {
            return ExitCodes.Failed;
        }

        LedgerDigest digest;
        try
        {
            digest = LedgerDigest.Parse(await File.ReadAllTextAsync(digestPath, cancellationToken));
        }
        catch (FormatException ex)
        {
            error.WriteLine($"error: {digestPath} is not a ledger digest: {ex.Message}");
            return ExitCodes.Failed;
        }

        await using var session = await ErasureSession.OpenAsync(files);
        var verification = await session.Service.VerifyDigestAsync(digest, cancellationToken);
        if (verification.IsConsistent)
        {
            console.Line($"The ledger still holds the {digest.TreeSize} entries of the digest of {digest.IssuedAtText}, unchanged; it has {verification.LedgerTreeSize} now.");
            return ExitCodes.Success;
        }

        foreach (var problem in verification.Problems)
        {
            error.WriteLine("error: " + problem);
        }

        error.WriteLine($"The ledger does NOT hold what the digest of {digest.IssuedAtText} covered: {verification.Problems.Count} problem(s).");
        return ExitCodes.Failed;
    }

    /// <summary>Writes a closed erasure's receipt as standalone evidence: the receipt, a digest signed now and the inclusion proof.</summary>
    public async Task<int> ExportEvidenceAsync(ErasureFiles files, string requestId, string? outPath, CancellationToken cancellationToken)
    {
        if (!RequireLedger(files))
        {
            return ExitCodes.Failed;
        }

        await using var session = await ErasureSession.OpenAsync(files);
        if (await session.Service.GetAsync(requestId, cancellationToken) is not { State: ErasureState.Closed })
        {
            error.WriteLine($"error: the ledger holds no closed erasure with request ID '{requestId}'.");
            return ExitCodes.Failed;
        }

        var evidence = await session.Service.ExportReceiptEvidenceAsync(requestId, cancellationToken);
        await WriteOutAsync(outPath, writer => writer.WriteLineAsync(evidence.ToJson()));
        return ExitCodes.Success;
    }

    /// <summary>Makes a new digest signing key that signs from now on; the earlier keys keep verifying what they signed.</summary>
    public async Task<int> RotateSigningKeyAsync(ErasureFiles files, string? publicKeyPath)
    {
        if (!RequireLedger(files))
        {
            return ExitCodes.Failed;
        }

        var key = files.SigningKeys.Rotate();
        if (publicKeyPath is not null)
        {
            await WritePublicKeysAsync(files, publicKeyPath);
        }

        console.Line($"Digests are signed with key '{key.KeyId}' from now on; the earlier keys stay in {files.SigningKeys.Directory} to verify what they signed.");
        return ExitCodes.Success;
    }

    /// <summary>Makes a new subject-hash key that new erasures hash their subjects with; earlier erasures keep theirs.</summary>
    public int RotateSubjectKey(ErasureFiles files)
    {
        if (!RequireLedger(files))
        {
            return ExitCodes.Failed;
        }

        files.LoadOrCreateKeyRing();
        var id = files.RotateKey();
        console.Line($"New erasures hash their subjects with key '{id}' from now on; keep every key in {files.RotatedKeysDirectory} and {files.KeyPath}: each receipt names the key it needs.");
        return ExitCodes.Success;
    }

    /// <summary>Every key of the ring as public PEM, each after a comment line naming its ID: what an auditor needs.</summary>
    private async Task WritePublicKeysAsync(ErasureFiles files, string path) =>
        await WriteOutAsync(path, async writer =>
        {
            foreach (var key in files.SigningKeys.LoadOrCreate().OrderBy(k => k.KeyId, StringComparer.Ordinal))
            {
                await writer.WriteLineAsync($"# key {key.KeyId}");
                await writer.WriteLineAsync(key.ExportPublicKeyPem());
            }
        });
}
