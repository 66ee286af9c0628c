namespace FedSim.Data.Tests;

public sealed class CifarTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private DatasetPair Load() => DatasetCatalog.Load(new TestSection("cifar10", _dir.Path), seed: 0);

    [Fact]
    public void Loads_the_five_training_batches_in_order_and_the_test_batch()
    {
        CifarWriter.WriteDataset(_dir.Path, perBatch: 2, testCount: 3);

        var pair = Load();

        Assert.Equal("cifar10/train", pair.Train.Name);
        Assert.Equal("cifar10/test", pair.Test.Name);
        Assert.Equal(10, pair.Train.Count);
        Assert.Equal(3, pair.Test.Count);
        Assert.Equal(Enumerable.Range(0, 10), pair.Train.Labels);
        Assert.Equal([3, 4, 5], pair.Test.Labels);
        Assert.Equal(10, pair.Train.Classes);
        Assert.Null(pair.Train.Groups);
    }

    [Fact]
    public void Samples_have_shape_3_by_32_by_32()
    {
        CifarWriter.WriteDataset(_dir.Path);

        var pair = Load();

        Assert.Equal([3, 32, 32], pair.Train.SampleShape);
        Assert.Equal([3, 32, 32], pair.Test.SampleShape);
        Assert.Equal(3072, pair.Train.SampleSize);
    }

    [Fact]
    public void CopyInputs_gives_channel_major_pixels_scaled_to_0_1()
    {
        CifarWriter.WriteDataset(_dir.Path, perBatch: 2, testCount: 2);
        var pair = Load();
        var rows = new float[2 * 3072];

        // Training sample 7 is the second record of data_batch_4.bin; test sample 1 is record 1001.
        pair.Train.CopyInputs([7], rows.AsSpan(0, 3072));
        pair.Test.CopyInputs([1], rows.AsSpan(3072, 3072));

        for (var c = 0; c < 3; c++)
            for (var y = 0; y < 32; y++)
                for (var x = 0; x < 32; x++)
                {
                    var at = c * 1024 + y * 32 + x;
                    Assert.Equal(CifarWriter.Pixel(7, c, y, x) / 255f, rows[at], 1e-7f);
                    Assert.Equal(CifarWriter.Pixel(1001, c, y, x) / 255f, rows[3072 + at], 1e-7f);
                }
    }

    [Fact]
    public void Red_green_and_blue_planes_land_in_channels_0_1_and_2()
    {
        Directory.CreateDirectory(_dir.Path);
        var record = new byte[CifarWriter.RecordBytes];
        record[0] = 4;
        Array.Fill(record, (byte)255, 1, 1024);
        Array.Fill(record, (byte)0, 1025, 1024);
        Array.Fill(record, (byte)51, 2049, 1024);
        foreach (var file in new[] { "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin" })
            File.WriteAllBytes(_dir.Combine(file), record);

        var pair = Load();
        var row = new float[3072];
        pair.Test.CopyInputs([0], row);

        Assert.All(row[..1024], v => Assert.Equal(1f, v));
        Assert.All(row[1024..2048], v => Assert.Equal(0f, v));
        Assert.All(row[2048..], v => Assert.Equal(0.2f, v, 1e-6f));
        Assert.Equal(4, pair.Test.Labels[0]);
    }

    [Fact]
    public void Gzipped_batches_are_read_too()
    {
        CifarWriter.WriteDataset(_dir.Path, perBatch: 1, testCount: 2);
        foreach (var file in Directory.GetFiles(_dir.Path))
        {
            File.WriteAllBytes(file + ".gz", IdxWriter.Gzip(File.ReadAllBytes(file)));
            File.Delete(file);
        }

        var pair = Load();

        Assert.Equal(5, pair.Train.Count);
        Assert.Equal(2, pair.Test.Count);
    }

    [Fact]
    public void A_batch_whose_length_is_not_a_multiple_of_3073_names_the_file_and_its_length()
    {
        CifarWriter.WriteDataset(_dir.Path);
        var file = _dir.Combine("data_batch_3.bin");
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..5000]);

        var e = Assert.Throws<InvalidDataException>(Load);

        Assert.Contains(file, e.Message);
        Assert.Contains("length 5000", e.Message);
        Assert.Contains("3073", e.Message);
    }

    [Fact]
    public void An_empty_batch_is_rejected_naming_the_file()
    {
        CifarWriter.WriteDataset(_dir.Path);
        var file = _dir.Combine("test_batch.bin");
        File.WriteAllBytes(file, []);

        var e = Assert.Throws<InvalidDataException>(Load);

        Assert.Contains(file, e.Message);
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void A_label_above_9_names_the_file_the_record_and_the_value()
    {
        CifarWriter.WriteDataset(_dir.Path);
        var file = CifarWriter.WriteBatch(_dir.Combine("data_batch_2.bin"), 0, 1, 2, 10);

        var e = Assert.Throws<InvalidDataException>(Load);

        Assert.Contains(file, e.Message);
        Assert.Contains("record 2", e.Message);
        Assert.Contains("label 10", e.Message);
    }

    [Fact]
    public void A_missing_batch_is_a_dataset_not_found_error_naming_the_file()
    {
        CifarWriter.WriteDataset(_dir.Path);
        File.Delete(_dir.Combine("data_batch_5.bin"));

        var e = Assert.Throws<DatasetNotFoundException>(() =>
            DatasetLocator.Locate("cifar10", _dir.Path, CifarReader.RequiredFiles, ["none"]));

        Assert.Contains("data_batch_5.bin", e.Message);
    }

    [Fact]
    public void Loading_twice_returns_the_same_instance()
    {
        CifarWriter.WriteDataset(_dir.Path);

        Assert.Same(Load(), DatasetCatalog.Load("cifar10", _dir.Path + Path.DirectorySeparatorChar));
    }
}
