using System.Buffers.Binary;
using System.IO.Compression;

namespace FedSim.Data.Tests;

/// <summary>Writes IDX files in the MNIST layout: magic 0x000008DD, DD big-endian int32 sizes, then the bytes.</summary>
internal static class IdxWriter
{
    public static byte[] Header(params int[] dimensions)
    {
        var header = new byte[4 + 4 * dimensions.Length];
        BinaryPrimitives.WriteInt32BigEndian(header, 0x00000800 | dimensions.Length);
        for (var i = 0; i < dimensions.Length; i++)
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * i), dimensions[i]);
        return header;
    }

    public static byte[] Encode(int[] dimensions, byte[] data) => [.. Header(dimensions), .. data];

    public static byte[] Gzip(byte[] raw)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
            gz.Write(raw);
        return ms.ToArray();
    }

    /// <summary>Writes the file (gzipped when the name ends in .gz) and returns its path.</summary>
    public static string Write(string path, int[] dimensions, byte[] data)
    {
        var raw = Encode(dimensions, data);
        File.WriteAllBytes(path, path.EndsWith(".gz", StringComparison.Ordinal) ? Gzip(raw) : raw);
        return path;
    }

    /// <summary>
    /// Writes a tiny complete dataset (train + t10k images and labels) into <paramref name="dir"/>; labels cycle
    /// through 0..9 and pixel j of image i is (i * 7 + j) mod 256.
    /// </summary>
    public static void WriteDataset(string dir, int trainCount = 20, int testCount = 10, int rows = 4, int cols = 3, bool gzip = false)
    {
        Directory.CreateDirectory(dir);
        var ext = gzip ? ".gz" : "";
        foreach (var (prefix, count) in new[] { ("train", trainCount), ("t10k", testCount) })
        {
            Write(Path.Combine(dir, prefix + "-images-idx3-ubyte" + ext), [count, rows, cols], Pixels(count, rows * cols));
            Write(Path.Combine(dir, prefix + "-labels-idx1-ubyte" + ext), [count], Labels(count));
        }
    }

    public static byte[] Pixels(int count, int size)
    {
        var pixels = new byte[count * size];
        for (var i = 0; i < count; i++)
            for (var j = 0; j < size; j++)
                pixels[i * size + j] = (byte)((i * 7 + j) % 256);
        return pixels;
    }

    public static byte[] Labels(int count) => Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray();
}
