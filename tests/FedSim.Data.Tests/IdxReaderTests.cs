using System.IO.Compression;

namespace FedSim.Data.Tests;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static byte[] Sequence(int count) => Enumerable.Range(0, count).Select(i => (byte)(i * 37 % 256)).ToArray();

    [Theory]
    [InlineData("images-idx3-ubyte")]
    [InlineData("images-idx3-ubyte.gz")]
    public void Reads_back_the_dimensions_and_bytes_of_a_3d_image_file(string name)
    {
        var data = Sequence(3 * 4 * 5);
        data[0] = 0;
        data[^1] = 255;
        var path = IdxWriter.Write(_dir.Combine(name), [3, 4, 5], data);

        var array = IdxReader.Read(path, 3);

        Assert.Equal([3, 4, 5], array.Dimensions);
        Assert.Equal(data, array.Data);
    }

    [Theory]
    [InlineData("labels-idx1-ubyte")]
    [InlineData("labels-idx1-ubyte.gz")]
    public void Reads_back_a_1d_label_file(string name)
    {
        byte[] labels = [9, 0, 0, 3, 0, 2, 7];
        var path = IdxWriter.Write(_dir.Combine(name), [labels.Length], labels);

        var array = IdxReader.Read(path, 1);

        Assert.Equal([7], array.Dimensions);
        Assert.Equal(labels, array.Data);
    }

    [Fact]
    public void Writer_produces_the_magic_numbers_of_the_idx_format()
    {
        Assert.Equal([0x00, 0x00, 0x08, 0x03, 0x00, 0x00, 0xEA, 0x60, 0, 0, 0, 28, 0, 0, 0, 28], IdxWriter.Header(60000, 28, 28));
        Assert.Equal([0x00, 0x00, 0x08, 0x01, 0x00, 0x00, 0x27, 0x10], IdxWriter.Header(10000));
    }

    [RealDatasetFact]
    public void Writer_header_matches_the_header_of_the_real_fashion_mnist_training_images()
    {
        using var gz = new GZipStream(File.OpenRead(Path.Combine(RealDatasetFactAttribute.Directory, "train-images-idx3-ubyte.gz")),
            CompressionMode.Decompress);
        var header = new byte[16];
        gz.ReadExactly(header);
        Assert.Equal(IdxWriter.Header(60000, 28, 28), header);
    }

    [Fact]
    public void A_dimension_of_size_zero_gives_an_empty_array()
    {
        var path = IdxWriter.Write(_dir.Combine("empty-idx3-ubyte"), [0, 28, 28], []);

        var array = IdxReader.Read(path, 3);

        Assert.Equal([0, 28, 28], array.Dimensions);
        Assert.Empty(array.Data);
    }

    [Fact]
    public void Gzipped_and_raw_copies_of_a_file_read_identically()
    {
        var data = Sequence(10 * 6 * 6);
        var raw = IdxReader.Read(IdxWriter.Write(_dir.Combine("a-idx3-ubyte"), [10, 6, 6], data), 3);
        var gz = IdxReader.Read(IdxWriter.Write(_dir.Combine("a-idx3-ubyte.gz"), [10, 6, 6], data), 3);

        Assert.Equal(raw.Dimensions, gz.Dimensions);
        Assert.Equal(raw.Data, gz.Data);
    }

    [Theory]
    [InlineData("short-idx3-ubyte")]
    [InlineData("short-idx3-ubyte.gz")]
    public void Data_shorter_than_the_header_says_is_reported_as_truncated_with_both_byte_counts(string name)
    {
        // Header promises 2 x 3 x 3 = 18 bytes; only 10 follow.
        var path = IdxWriter.Write(_dir.Combine(name), [2, 3, 3], Sequence(10));

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, 3));

        Assert.Contains(path, e.Message);
        Assert.Contains("truncated", e.Message);
        Assert.Contains("18", e.Message);
        Assert.Contains("10", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)] // not even the magic number
    [InlineData(8)] // magic and one of the three sizes
    [InlineData(15)] // one byte short of the 16-byte header
    public void A_header_cut_short_is_reported_as_truncated(int length)
    {
        var path = _dir.Combine("cut-idx3-ubyte");
        File.WriteAllBytes(path, IdxWriter.Header(2, 3, 3)[..length]);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, 3));

        Assert.Contains(path, e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void A_gzip_stream_cut_in_half_is_rejected_naming_the_file()
    {
        // Incompressible content, so half the .gz file is half the data.
        var data = new byte[50 * 28 * 28];
        new Random(1).NextBytes(data);
        var whole = IdxWriter.Gzip(IdxWriter.Encode([50, 28, 28], data));
        var path = _dir.Combine("half-idx3-ubyte.gz");
        File.WriteAllBytes(path, whole[..(whole.Length / 2)]);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, 3));

        Assert.Contains(path, e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void A_gzip_file_with_only_its_magic_bytes_is_rejected_naming_the_file()
    {
        var path = _dir.Combine("stub-idx1-ubyte.gz");
        File.WriteAllBytes(path, [0x1f, 0x8b]);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, 1));

        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void A_gzip_file_with_corrupt_compressed_data_is_rejected_naming_the_file()
    {
        var data = new byte[4000];
        new Random(2).NextBytes(data);
        var gz = IdxWriter.Gzip(IdxWriter.Encode([4000], data));
        for (var i = 20; i < 60; i++) gz[i] ^= 0x5A;
        var path = _dir.Combine("corrupt-idx1-ubyte.gz");
        File.WriteAllBytes(path, gz);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, 1));

        Assert.Contains(path, e.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x12, 0x34, 0x08, 0x03 })] // not 00 00
    [InlineData(new byte[] { 0x00, 0x01, 0x08, 0x03 })]
    [InlineData(new byte[] { 0x00, 0x00, 0x09, 0x03 })] // signed bytes
    [InlineData(new byte[] { 0x00, 0x00, 0x0D, 0x03 })] // float32
    public void A_wrong_magic_number_is_rejected_naming_the_file(byte[] magic)
    {
        var bytes = IdxWriter.Encode([1, 2, 2], [1, 2, 3, 4]);
        magic.CopyTo(bytes, 0);
        var path = _dir.Combine("magic-idx3-ubyte");
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, 3));

        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void A_label_file_read_as_images_is_rejected_for_its_number_of_dimensions()
    {
        var path = IdxWriter.Write(_dir.Combine("labels-idx1-ubyte"), [4], [1, 2, 3, 4]);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, 3));

        Assert.Contains(path, e.Message);
        Assert.Contains("1 dimensions, expected 3", e.Message);
    }

    [Fact]
    public void An_image_file_read_as_labels_is_rejected_for_its_number_of_dimensions()
    {
        var path = IdxWriter.Write(_dir.Combine("images-idx3-ubyte.gz"), [1, 2, 2], [1, 2, 3, 4]);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, 1));

        Assert.Contains(path, e.Message);
        Assert.Contains("3 dimensions, expected 1", e.Message);
    }

    [Theory]
    [InlineData("extra-idx1-ubyte")]
    [InlineData("extra-idx1-ubyte.gz")]
    public void Bytes_after_the_data_are_rejected(string name)
    {
        // Header says 2 bytes, 5 follow.
        var path = IdxWriter.Write(_dir.Combine(name), [2], [1, 2, 3, 4, 5]);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, 1));

        Assert.Contains(path, e.Message);
        Assert.Contains("3 unexpected bytes", e.Message);
    }

    [Fact]
    public void A_negative_size_is_rejected()
    {
        var path = IdxWriter.Write(_dir.Combine("neg-idx3-ubyte"), [-1, 2, 2], [1, 2, 3, 4]);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, 3));

        Assert.Contains(path, e.Message);
        Assert.Contains("negative size", e.Message);
    }

    [Theory]
    [InlineData(1 << 30, 1 << 30, 16)] // 2^64 elements: the product wraps to 0, so an empty file is accepted
    [InlineData(int.MaxValue, int.MaxValue, 4)] // the product wraps negative: reported as "unexpected bytes"
    public void Sizes_whose_product_overflows_are_reported_as_truncated(int n, int rows, int cols)
    {
        var path = IdxWriter.Write(_dir.Combine("huge-idx3-ubyte"), [n, rows, cols], []);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, 3));

        Assert.Contains(path, e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void A_missing_file_is_reported_as_invalid_data_naming_the_file()
    {
        var path = _dir.Combine("no-such-idx3-ubyte");

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, 3));

        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Parse_reads_bytes_already_in_memory_and_names_the_given_path_in_errors()
    {
        var array = IdxReader.Parse(IdxWriter.Encode([2, 1, 2], [10, 20, 30, 40]), "memory", 3);
        Assert.Equal([2, 1, 2], array.Dimensions);
        Assert.Equal([10, 20, 30, 40], array.Data);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Parse(IdxWriter.Encode([2, 1, 2], [10]), "in-memory-copy", 3));
        Assert.StartsWith("in-memory-copy:", e.Message);
    }
}
