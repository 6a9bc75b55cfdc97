using System.Buffers.Binary;

namespace EcoPark.Infrastructure.Reporting;

/// <summary>
/// Cuts one face out of a TrueType collection (.ttc) as a standalone TrueType font: PDFsharp 6.2 reads single fonts only (its
/// collection index is not implemented). A file that is not a collection is returned as it is.
/// </summary>
public static class TrueTypeCollection
{
    public static byte[] Face(byte[] file, int index)
    {
        if (file.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(file) != 0x74746366)
        {
            return file;
        }

        var count = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(8));
        if (index < 0 || index >= count)
        {
            throw new InvalidOperationException($"The font collection has {count} faces; face {index} does not exist (EcoPark:Reports:CjkFontFaceIndex).");
        }

        var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12 + (4 * index)));
        var tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(offset + 4));
        var header = 12 + (16 * tables);
        var records = Enumerable.Range(0, tables).Select(i =>
        {
            var r = file.AsSpan(offset + 12 + (16 * i));
            return (Offset: (int)BinaryPrimitives.ReadUInt32BigEndian(r[8..]), Length: (int)BinaryPrimitives.ReadUInt32BigEndian(r[12..]));
        }).ToList();
        var size = header + records.Sum(r => (r.Length + 3) & ~3);
        var font = new byte[size];
        file.AsSpan(offset, header).CopyTo(font);
        var at = header;
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            file.AsSpan(r.Offset, r.Length).CopyTo(font.AsSpan(at));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(12 + (16 * i) + 8), (uint)at);
            at += (r.Length + 3) & ~3;
        }

        return font;
    }
}
