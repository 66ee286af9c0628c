namespace FedSim.Data;

/// <summary>
/// Reads the CIFAR-10 binary version: each record is one label byte (0..9) and 3072 pixel bytes, the 1024 red values of
/// the 32x32 image row by row, then the green, then the blue. That is already channel-major [3, 32, 32] order, so the
/// pixel bytes are kept as they are.
/// </summary>
internal static class CifarReader
{
    public const int Channels = 3;
    public const int Side = 32;
    public const int Classes = 10;
    public const int PixelBytes = Channels * Side * Side;
    public const int RecordBytes = 1 + PixelBytes;

    public static readonly string[] TrainFiles =
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    public const string TestFile = "test_batch.bin";

    public static IReadOnlyList<string> RequiredFiles => [.. TrainFiles, TestFile];

    public static DatasetPair Load(string name, string dir) => new(
        Read(name + "/train", TrainFiles.Select(f => Find(dir, f))),
        Read(name + "/test", [Find(dir, TestFile)]));

    private static string Find(string dir, string file) =>
        DatasetLocator.FindFile(dir, file) ?? throw new DatasetNotFoundException($"{Path.Combine(dir, file)}: not found");

    /// <summary>Concatenates the records of <paramref name="files"/> (raw or gzipped) in order.</summary>
    public static ImageDataset Read(string name, IEnumerable<string> files)
    {
        var batches = new List<byte[]>();
        long records = 0;
        foreach (var file in files)
        {
            var bytes = DataFile.ReadAllBytes(file);
            if (bytes.Length == 0)
                throw new InvalidDataException($"{file}: empty file, expected records of {RecordBytes} bytes");
            if (bytes.Length % RecordBytes != 0)
                throw new InvalidDataException(
                    $"{file}: length {bytes.Length} bytes is not a multiple of the {RecordBytes}-byte record " +
                    $"(1 label byte + {PixelBytes} pixel bytes); {bytes.Length / RecordBytes} whole records and {bytes.Length % RecordBytes} extra bytes");
            var count = bytes.Length / RecordBytes;
            for (var r = 0; r < count; r++)
            {
                var label = bytes[r * RecordBytes];
                if (label >= Classes)
                    throw new InvalidDataException($"{file}: record {r}: label {label} is outside 0..{Classes - 1}");
            }
            batches.Add(bytes);
            records += count;
        }
        if (records * PixelBytes > Array.MaxLength)
            throw new InvalidDataException($"{name}: {records} records are too many to hold in one array");

        var pixels = new byte[records * PixelBytes];
        var labels = new int[records];
        var i = 0;
        foreach (var bytes in batches)
            for (var offset = 0; offset < bytes.Length; offset += RecordBytes, i++)
            {
                labels[i] = bytes[offset];
                bytes.AsSpan(offset + 1, PixelBytes).CopyTo(pixels.AsSpan(i * PixelBytes, PixelBytes));
            }
        return new ImageDataset(name, pixels, labels, [Channels, Side, Side], Classes);
    }
}
