namespace FedSim.Data.Tests;

/// <summary>
/// Writes CIFAR-10 binary batches: records of one label byte and 3072 pixel bytes (1024 red, 1024 green, 1024 blue,
/// each plane row by row over 32x32). Pixel (c, y, x) of the record with global number r is <see cref="Pixel"/>.
/// </summary>
internal static class CifarWriter
{
    public const int RecordBytes = 3073;

    public static byte Pixel(int record, int channel, int y, int x) => (byte)((record * 13 + channel * 101 + y * 7 + x * 3) % 256);

    public static byte[] Record(int record, byte label)
    {
        var bytes = new byte[RecordBytes];
        bytes[0] = label;
        for (var c = 0; c < 3; c++)
            for (var y = 0; y < 32; y++)
                for (var x = 0; x < 32; x++)
                    bytes[1 + c * 1024 + y * 32 + x] = Pixel(record, c, y, x);
        return bytes;
    }

    /// <summary>Writes <paramref name="labels"/>.Length records numbered from <paramref name="firstRecord"/>.</summary>
    public static string WriteBatch(string path, int firstRecord, params byte[] labels)
    {
        File.WriteAllBytes(path, labels.SelectMany((label, i) => Record(firstRecord + i, label)).ToArray());
        return path;
    }

    /// <summary>
    /// Writes data_batch_1..5.bin with <paramref name="perBatch"/> records each and test_batch.bin with
    /// <paramref name="testCount"/>; train record r has label r mod 10, test record r label (r + 3) mod 10, and test
    /// records are numbered from 1000 for <see cref="Pixel"/>.
    /// </summary>
    public static void WriteDataset(string dir, int perBatch = 2, int testCount = 3)
    {
        Directory.CreateDirectory(dir);
        for (var b = 0; b < 5; b++)
            WriteBatch(Path.Combine(dir, $"data_batch_{b + 1}.bin"), b * perBatch,
                Enumerable.Range(b * perBatch, perBatch).Select(r => (byte)(r % 10)).ToArray());
        WriteBatch(Path.Combine(dir, "test_batch.bin"), 1000,
            Enumerable.Range(0, testCount).Select(r => (byte)((r + 3) % 10)).ToArray());
    }
}
