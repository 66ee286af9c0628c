using System.Buffers.Binary;

namespace FedSim.Data;

/// <summary>
/// Reads IDX files (the MNIST / Fashion-MNIST layout), raw or gzipped: a big-endian magic
/// <c>0x0000TTDD</c> (TT = 0x08 for unsigned bytes, DD = number of dimensions), DD big-endian int32 sizes, then the data.
/// </summary>
internal static class IdxReader
{
    public sealed record IdxArray(int[] Dimensions, byte[] Data);

    public static IdxArray Read(string path, int expectedDimensions)
    {
        var bytes = DataFile.ReadAllBytes(path);
        return Parse(bytes, path, expectedDimensions);
    }

    public static IdxArray Parse(ReadOnlySpan<byte> bytes, string path, int expectedDimensions)
    {
        if (bytes.Length < 4)
            throw new InvalidDataException($"{path}: truncated: {bytes.Length} bytes, too short for an IDX header");
        if (bytes[0] != 0 || bytes[1] != 0)
            throw new InvalidDataException($"{path}: not an IDX file (magic bytes {bytes[0]:x2} {bytes[1]:x2}, expected 00 00)");
        if (bytes[2] != 0x08)
            throw new InvalidDataException($"{path}: IDX element type 0x{bytes[2]:x2} is not supported (expected 0x08, unsigned byte)");
        int dims = bytes[3];
        if (dims != expectedDimensions)
            throw new InvalidDataException($"{path}: IDX file has {dims} dimensions, expected {expectedDimensions}");
        var headerSize = 4 + 4 * dims;
        if (bytes.Length < headerSize)
            throw new InvalidDataException($"{path}: truncated: header needs {headerSize} bytes, file holds {bytes.Length}");
        var sizes = new int[dims];
        for (var i = 0; i < dims; i++)
        {
            sizes[i] = BinaryPrimitives.ReadInt32BigEndian(bytes[(4 + 4 * i)..]);
            if (sizes[i] < 0) throw new InvalidDataException($"{path}: negative size {sizes[i]} in dimension {i}");
        }
        var available = bytes.Length - headerSize;
        var total = Core.Weights.ShapeMath.ElementCount(sizes.Select(s => (long)s), long.MaxValue);
        if (total is null)
            throw new InvalidDataException(
                $"{path}: truncated: header says [{string.Join(" x ", sizes)}], more bytes of data than the {available} the file holds");
        if (available < total)
            throw new InvalidDataException(
                $"{path}: truncated: header says [{string.Join(" x ", sizes)}] = {total} bytes of data, file holds {available}");
        if (available > total)
            throw new InvalidDataException($"{path}: {available - total} unexpected bytes after the data [{string.Join(" x ", sizes)}]");
        return new IdxArray(sizes, bytes.Slice(headerSize, (int)total.Value).ToArray());
    }
}
