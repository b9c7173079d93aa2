#!/usr/bin/env python3
"""Checks erasure receipts from docs/erasure-receipt.md alone (Python 3 standard library only).

  verify-receipt.py vectors [FILE]       recompute the test vectors (default docs/erasure-test-vectors.json)
  verify-receipt.py receipt RECEIPT.json [--key KEYFILE --subjects FILE [--resolved FILE]]
  verify-receipt.py evidence EVIDENCE.json --public-key PEM [--key KEYFILE --subjects FILE [--resolved FILE]]
  verify-receipt.py digest DIGEST.json --public-key PEM

KEYFILE holds the subject-hash key in base64 (the sample's <ledger>.key); FILE holds the identifiers,
one a line (a file, so they never appear in a process list). Each subject must be covered by the
receipt's hashes. PEM is the digest signing key's public key; the `openssl` binary checks signatures.
Prints what it checked; exits 1 naming every failed check, 2 on bad usage.
"""
import base64, hashlib, hmac, json, re, shutil, struct, subprocess, sys, tempfile
from datetime import datetime
from pathlib import Path

SCHEMA, HEX64 = "contactssdk.erasure-receipt/1", re.compile(r"^[0-9a-f]{64}$")
DIGEST_SCHEMA, EVIDENCE_SCHEMA, TILE_SIZE = "contactssdk.erasure-digest/1", "contactssdk.erasure-evidence/1", 64
problems = []

def check(ok, what):
    (print(f"ok    {what}") if ok else problems.append(what))

def mac(key, message): return hmac.new(key, message, hashlib.sha256).digest()
def subject_key(secret): return mac(secret, b"ContactsSdk.Erasure subjects v1")
def chain_key(secret): return mac(secret, b"ContactsSdk.Erasure ledger chain v1")
def subject_hash(secret, kind, value): return mac(subject_key(secret), f"{kind}:{value}".encode()).hex()
def subjects_digest(hashes): return hashlib.sha256(",".join(sorted(hashes)).encode("ascii")).hexdigest()
def field(text): data = text.encode(); return struct.pack(">i", len(data)) + data

def canonical(e):
    return b"".join(field(str(v)) for v in (e["previousHash"], e["erasureId"].lower(), e["sequence"], e["kind"], e["recordedAtUnixMs"], e["payload"]))

# The ledger-wide Merkle tree of RFC 9162, section 2.1, over SHA-256.
def sha256(data): return hashlib.sha256(data).digest()
def leaf_hash(data): return sha256(b"\x00" + data)
def node_hash(left, right): return sha256(b"\x01" + left + right)

def root(hashes):
    """The tree hash over leaf (or whole-subtree) hashes; the left part is the largest power of two smaller than n."""
    if len(hashes) <= 1: return hashes[0] if hashes else sha256(b"")
    k = 1 << ((len(hashes) - 1).bit_length() - 1)
    return node_hash(root(hashes[:k]), root(hashes[k:]))

def included(leaf, index, size, path, expected):
    """RFC 9162 2.1.3.2: the audit path from a leaf leads to the root."""
    if not 0 <= index < size: return False
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0: return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn: fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == expected

def consistent(old_size, new_size, old_root, new_root, path):
    """RFC 9162 2.1.4.2: the tree of old_size leaves is a prefix of the tree of new_size leaves."""
    if not 0 < old_size <= new_size: return False
    if old_size == new_size: return not path and old_root == new_root
    path = ([old_root] if old_size & (old_size - 1) == 0 else []) + path
    if not path: return False
    fn, sn = old_size - 1, new_size - 1
    while fn & 1: fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0: return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn: fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and fr == old_root and sr == new_root

def hashes(hexes): return [bytes.fromhex(h) for h in hexes]

def signed_text(d): return "\n".join((d["schema"], str(d["treeSize"]), d["rootHash"], d["issuedAt"], d["keyId"])).encode("ascii")

def signature_holds(d, public_pem):
    """ECDSA P-256 / SHA-256 over the signed text, DER, checked by openssl (never by this script's own code)."""
    if shutil.which("openssl") is None:
        check(False, "openssl is installed (it checks the digest's signature)")
        return
    with tempfile.TemporaryDirectory() as folder:
        key, message, signature = (Path(folder) / name for name in ("key.pem", "message", "signature.der"))
        key.write_text(public_pem)
        message.write_bytes(signed_text(d))
        signature.write_bytes(base64.b64decode(d["signature"], validate=True))
        curve = subprocess.run(["openssl", "pkey", "-pubin", "-in", key, "-noout", "-text"], capture_output=True, text=True)
        check(curve.returncode == 0 and "prime256v1" in curve.stdout, "the public key is an ECDSA P-256 key")
        verified = subprocess.run(["openssl", "dgst", "-sha256", "-verify", key, "-signature", signature, message], capture_output=True)
        check(verified.returncode == 0, "the digest's signature verifies with the public key")

def digest_checks(d, public_pem):
    check(d["schema"] == DIGEST_SCHEMA, f"digest schema is {DIGEST_SCHEMA}")
    check(type(d["treeSize"]) is int and d["treeSize"] >= 0 and HEX64.match(d["rootHash"]) is not None, "the digest's tree size and root are well formed")
    signature_holds(d, public_pem)
    if "tileHashes" in d:
        tiles = hashes(d["tileHashes"])
        check(d["tileSize"] == TILE_SIZE and len(tiles) == -(-d["treeSize"] // TILE_SIZE), "one tile hash per 64 leaves")
        check(root(tiles).hex() == d["rootHash"], "the tile hashes combine to the digest's root")

def vectors(path):
    v = json.loads(Path(path).read_text(encoding="utf-8"))
    secret = bytes.fromhex(v["subjectHashKey"]["hex"])
    check(secret == v["subjectHashKey"]["utf8"].encode(), "the key's hex is its text")
    check(subject_key(secret).hex() == v["derivedKeys"]["subjects"]["hex"], "subject key derivation")
    check(chain_key(secret).hex() == v["derivedKeys"]["ledgerChain"]["hex"], "chain key derivation")
    for c in v["subjectHashes"]:
        check(subject_hash(secret, c["kind"], c["value"]) == c["hash"], f"subject hash of a {c['kind']} value")
    check(subjects_digest(v["subjectsDigest"]["hashes"]) == v["subjectsDigest"]["digest"], "subjects digest")
    previous = "origin"
    for e in v["entries"]:
        check(e["previousHash"] == previous, f"entry {e['sequence']} links to the one before it")
        check(canonical(e).hex() == e["canonicalBytesHex"], f"entry {e['sequence']} canonical bytes")
        check(mac(chain_key(secret), canonical(e)).hex() == e["hash"], f"entry {e['sequence']} hash")
        check(leaf_hash(canonical(e)).hex() == e["leafHash"], f"entry {e['sequence']} leaf hash")
        previous = e["hash"]
    leaves = tree_vectors(v["tree"])
    d = v["digest"]
    check(signed_text(d["json"]).decode() == d["signedText"], "digest signed text")
    check(d["json"]["rootHash"] == root(leaves[:d["json"]["treeSize"]]).hex(), "digest root is the tree's")
    digest_checks(d["json"], d["publicKeyPem"])

def tree_vectors(t):
    """Checks the tree's leaf hashes, roots and proofs; returns the leaf hashes."""
    leaves = [leaf_hash(bytes.fromhex(leaf["dataHex"])) for leaf in t["leaves"]]
    check([h.hex() for h in leaves] == [leaf["leafHash"] for leaf in t["leaves"]], "tree leaf hashes")
    for r in t["roots"]:
        check(root(leaves[:r["size"]]).hex() == r["rootHash"], f"tree root of size {r['size']}")
    p, c = t["inclusionProof"], t["consistencyProof"]
    check(included(leaves[p["leafIndex"]], p["leafIndex"], p["treeSize"], hashes(p["path"]), root(leaves[:p["treeSize"]])), "tree inclusion proof")
    check(consistent(c["oldSize"], c["newSize"], root(leaves[:c["oldSize"]]), root(leaves[:c["newSize"]]), hashes(c["path"])), "tree consistency proof")
    return leaves

def when(text): return datetime.fromisoformat(text.replace("Z", "+00:00"))

def lines(path): return [line for line in Path(path).read_text(encoding="utf-8").splitlines() if line]

def receipt(path, key=None, subjects=None, resolved=None):
    receipt_checks(json.loads(Path(path).read_text(encoding="utf-8")), key, subjects, resolved)

def receipt_checks(r, key=None, subjects=None, resolved=None):
    check(r.get("schema") == SCHEMA, f"schema is {SCHEMA}")
    hashes = r["subjectHashes"]
    check(hashes["algorithm"] == "HMAC-SHA256" and all(HEX64.match(h) for h in hashes["values"]), "subject hashes are HMAC-SHA256 hex")
    check(len(set(hashes["values"])) == len(hashes["values"]) == r["subjectCount"], "one distinct hash per subject counted")
    check(r["verdict"] in ("Deleted", "Restored", "Invalid", "FailedToStart", "NoMatchingContacts"), "a known verdict")
    check(r["ledger"]["entries"] >= 2 and HEX64.match(r["ledger"]["lastHash"]) is not None, "the ledger anchor is well formed")
    times = [when(r[k]) for k in ("submittedAt", "acceptedAt", "concludedAt") if k in r]
    check(times == sorted(times), "submitted, accepted and concluded in that order")
    if r["verdict"] == "Deleted":
        check("operationId" in r and r["transitions"][-1]["state"] == "Deleted", "Deleted has an operation whose last state is Deleted")
    if "deadline" in r:
        d = r["deadline"]
        met = r["verdict"] in ("Deleted", "NoMatchingContacts") and when(r["concludedAt"]) <= when(d["dueAt"])
        check(d["met"] == met, "the deadline's 'met' follows from the verdict, concludedAt and dueAt")
    if key:
        secret = base64.b64decode(Path(key).read_text().strip(), validate=True)
        for name, values, kind, block in (("subject", subjects, r["subjectKind"], hashes), ("resolved contact key", resolved, "ContactKeys", r.get("resolvedContactKeyHashes"))):
            for number, value in enumerate(lines(values) if values else [], 1):
                covered = block is not None and subject_hash(secret, kind, value) in block["values"]
                check(covered, f"{name} {number} of {values} is covered (key '{hashes['keyId']}')")

def evidence(path, public_key, key=None, subjects=None, resolved=None):
    v = json.loads(Path(path).read_text(encoding="utf-8"))
    e, d, r = v["entry"], v["digest"], json.loads(v["receipt"])
    check(v["schema"] == EVIDENCE_SCHEMA and e["kind"] == "receipt", f"evidence schema is {EVIDENCE_SCHEMA}, of a receipt entry")
    digest_checks(d, Path(public_key).read_text())
    leaf = leaf_hash(canonical(dict(e, recordedAtUnixMs=e["recordedAt"], payload=v["receipt"])))
    check(included(leaf, v["leafIndex"], d["treeSize"], hashes(v["inclusionProof"]), bytes.fromhex(d["rootHash"])), "the receipt's entry is the digest's leaf at its leaf index (inclusion proof)")
    check(r.get("erasureId", "").lower() == e["erasureId"].lower(), "the receipt names its entry's erasure")
    check(r["ledger"]["entries"] == e["sequence"] - 1 and r["ledger"]["lastHash"] == e["previousHash"], "the receipt's ledger position is the one before its entry")
    receipt_checks(r, key, subjects, resolved)

def digest(path, public_key):
    digest_checks(json.loads(Path(path).read_text(encoding="utf-8")), Path(public_key).read_text())

COMMANDS = {  # command: (function, required options, optional options)
    "receipt": (receipt, set(), {"--key", "--subjects", "--resolved"}),
    "evidence": (evidence, {"--public-key"}, {"--key", "--subjects", "--resolved"}),
    "digest": (digest, {"--public-key"}, set()),
}

def main(argv):
    function, required, optional = COMMANDS.get(argv[1] if len(argv) > 1 else "", (None, set(), set()))
    args = dict(zip(argv[3::2], argv[4::2]))
    if len(argv) >= 2 and argv[1] == "vectors" and len(argv) <= 3:
        vectors(argv[2] if len(argv) == 3 else Path(__file__).resolve().parent.parent / "docs" / "erasure-test-vectors.json")
    elif function and len(argv) >= 3 and len(argv) % 2 == 1 and required <= set(args) <= required | optional \
            and ("--key" in args) == ("--subjects" in args or "--resolved" in args):
        function(argv[2], **{name[2:].replace("-", "_"): value for name, value in args.items()})
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for problem in problems:
        print(f"FAIL  {problem}", file=sys.stderr)
    return 1 if problems else 0

if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
        # One line, naming what is wrong, never a value from the files.
        print(f"FAIL  cannot read the input: {type(error).__name__} {error if isinstance(error, (OSError, KeyError)) else ''}".rstrip(), file=sys.stderr)
        sys.exit(1)
