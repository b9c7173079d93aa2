using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace ContactsSdk.Build.Tests.Support;

/// <summary>Reads the paths a compiled assembly and its portable PDB record.</summary>
internal static class BinaryPaths
{
    /// <summary>The PDB path written into the DLL's CodeView debug directory entry.</summary>
    public static string CodeViewPdbPath(byte[] dll)
    {
        using var pe = new PEReader(new MemoryStream(dll));
        var codeView = pe.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.CodeView);
        return pe.ReadCodeViewDebugDirectoryData(codeView).Path;
    }

    /// <summary>The source document paths of a portable PDB (stored in parts, so a byte search would miss them).</summary>
    public static string[] PdbDocuments(byte[] pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdb));
        var reader = provider.GetMetadataReader();
        return reader.Documents.Select(handle => reader.GetString(reader.GetDocument(handle).Name)).ToArray();
    }

    /// <summary>Whether <paramref name="text"/> occurs in <paramref name="binary"/> as UTF-8 or UTF-16.</summary>
    public static bool Contains(byte[] binary, string text) =>
        binary.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0
        || binary.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;

    /// <summary>The Source Link JSON of a portable PDB, or an empty string when it has none.</summary>
    public static string SourceLinkJson(byte[] pdb)
    {
        var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
        using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdb));
        var reader = provider.GetMetadataReader();
        foreach (var handle in reader.CustomDebugInformation)
        {
            var information = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(information.Kind) == sourceLinkKind)
            {
                return Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value));
            }
        }
        return "";
    }
}
