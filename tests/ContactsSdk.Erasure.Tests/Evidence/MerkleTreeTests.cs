using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using ContactsSdk.Erasure.Evidence;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Evidence;

/// <summary>The ledger's tree follows RFC 9162: its roots match Certificate Transparency's, and every proof it makes verifies while an altered one does not.</summary>
public sealed class MerkleTreeTests
{
    // The eight leaves of Certificate Transparency's reference tree tests, and the roots they give.
    private static readonly string[] ReferenceLeaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    [Theory]
    [InlineData(0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData(1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")]
    [InlineData(8, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")]
    public void Roots_match_the_reference_tree(int size, string root)
    {
        var leaves = ReferenceLeaves.Select(l => MerkleTree.LeafHash(Convert.FromHexString(l))).ToList();

        Assert.Equal(root, Convert.ToHexStringLower(MerkleTree.Root(leaves, size)));
    }

    [Fact]
    public void Every_inclusion_proof_verifies_and_a_wrong_leaf_index_proof_or_root_does_not()
    {
        var leaves = Leaves(33);
        for (var size = 1; size <= leaves.Count; size++)
        {
            var root = MerkleTree.Root(leaves, size);
            for (var index = 0; index < size; index++)
            {
                var proof = MerkleTree.InclusionProof(leaves, index, size);
                Assert.True(MerkleTree.VerifyInclusion(leaves[index], index, size, proof, root), $"leaf {index} of {size}");
                Assert.False(MerkleTree.VerifyInclusion(leaves[(index + 1) % leaves.Count], index, size, proof, root), $"another leaf as {index} of {size}");
                if (proof.Count > 0)
                {
                    Assert.False(MerkleTree.VerifyInclusion(leaves[index], index, size, proof.Skip(1).ToList(), root), $"leaf {index} of {size} with a shortened proof");
                }
                Assert.False(MerkleTree.VerifyInclusion(leaves[index], index, size, proof, MerkleTree.Root(leaves, size == 1 ? 2 : size - 1)), $"leaf {index} of {size} under another root");
                if (size > 1)
                {
                    Assert.False(MerkleTree.VerifyInclusion(leaves[index], (index + 1) % size, size, proof, root), $"leaf {index} of {size} at another index");
                }
            }
        }
    }

    [Fact]
    public void Every_consistency_proof_verifies_and_one_from_a_changed_tree_does_not()
    {
        var leaves = Leaves(33);
        var changed = leaves.ToList();
        changed[2] = MerkleTree.LeafHash([0xff]);
        for (var newSize = 1; newSize <= leaves.Count; newSize++)
        {
            for (var oldSize = 1; oldSize <= newSize; oldSize++)
            {
                var proof = MerkleTree.ConsistencyProof(leaves, oldSize, newSize);
                var oldRoot = MerkleTree.Root(leaves, oldSize);
                var newRoot = MerkleTree.Root(leaves, newSize);
                Assert.True(MerkleTree.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, proof), $"{oldSize} to {newSize}");
                if (oldSize > 2)
                {
                    // The old tree held leaf 2 as it was; the new one holds it changed: no proof links them.
                    var changedRoot = MerkleTree.Root(changed, newSize);
                    Assert.False(MerkleTree.VerifyConsistency(oldSize, newSize, oldRoot, changedRoot, MerkleTree.ConsistencyProof(changed, oldSize, newSize)), $"{oldSize} to changed {newSize}");
                }
                if (oldSize < newSize)
                {
                    Assert.False(MerkleTree.VerifyConsistency(oldSize, newSize, newRoot, newRoot, proof), $"{oldSize} to {newSize} with a wrong old root");
                }
            }
        }
    }

    private static List<byte[]> Leaves(int count) =>
        [.. Enumerable.Range(0, count).Select(i => MerkleTree.LeafHash(SHA256.HashData(BitConverter.GetBytes(i))))];
}
