#!/usr/bin/env python3
"""Checks erasure receipts from docs/erasure-receipt.md alone (Python 3 standard library only).

  verify-receipt.py vectors [FILE]       recompute the test vectors (default docs/erasure-test-vectors.json)
  verify-receipt.py receipt RECEIPT.json [--key KEYFILE --subjects FILE [--resolved FILE]]

KEYFILE holds the subject-hash key in base64 (the sample's <ledger>.key); FILE holds the identifiers,
one a line (a file, so they never appear in a process list). Each subject must be covered by the
receipt's hashes. Prints what it checked; exits 1 naming every failed check, 2 on bad usage.
"""
import base64, hashlib, hmac, json, re, struct, sys
from datetime import datetime
from pathlib import Path

SCHEMA, HEX64 = "contactssdk.erasure-receipt/1", re.compile(r"^[0-9a-f]{64}$")
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
        previous = e["hash"]

def when(text): return datetime.fromisoformat(text.replace("Z", "+00:00"))

def lines(path): return [line for line in Path(path).read_text(encoding="utf-8").splitlines() if line]

def receipt(path, key=None, subjects=None, resolved=None):
    r = json.loads(Path(path).read_text(encoding="utf-8"))
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

def main(argv):
    args = dict(zip(argv[3::2], argv[4::2])) if len(argv) > 2 and argv[1] == "receipt" else {}
    if len(argv) >= 2 and argv[1] == "vectors" and len(argv) <= 3:
        vectors(argv[2] if len(argv) == 3 else Path(__file__).resolve().parent.parent / "docs" / "erasure-test-vectors.json")
    elif len(argv) >= 3 and argv[1] == "receipt" and len(argv) % 2 == 1 and set(args) <= {"--key", "--subjects", "--resolved"} \
            and ("--key" in args) == ("--subjects" in args or "--resolved" in args):
        receipt(argv[2], args.get("--key"), args.get("--subjects"), args.get("--resolved"))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for problem in problems:
        print(f"FAIL  {problem}", file=sys.stderr)
    return 1 if problems else 0

if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except (OSError, ValueError, KeyError, TypeError, IndexError) as error:
        # One line, naming what is wrong, never a value from the files.
        print(f"FAIL  cannot read the input: {type(error).__name__} {error if isinstance(error, (OSError, KeyError)) else ''}".rstrip(), file=sys.stderr)
        sys.exit(1)
