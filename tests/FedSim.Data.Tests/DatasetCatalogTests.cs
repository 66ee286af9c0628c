namespace FedSim.Data.Tests;

public sealed class DatasetCatalogTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Loads_train_and_test_splits_from_idx_files_in_dataset_path()
    {
        IdxWriter.WriteDataset(_dir.Path, trainCount: 20, testCount: 10, rows: 4, cols: 3);

        var pair = DatasetCatalog.Load("fashion-mnist", _dir.Path);

        Assert.Equal("fashion-mnist/train", pair.Train.Name);
        Assert.Equal("fashion-mnist/test", pair.Test.Name);
        Assert.Equal(20, pair.Train.Count);
        Assert.Equal(10, pair.Test.Count);
        Assert.Equal([1, 4, 3], pair.Train.SampleShape);
        Assert.Equal([1, 4, 3], pair.Test.SampleShape);
        Assert.Equal(10, pair.Train.Classes);
        Assert.Equal(IdxWriter.Labels(20).Select(b => (int)b), pair.Train.Labels);
        var row = new float[12];
        pair.Train.CopyInputs([1], row);
        for (var j = 0; j < 12; j++) Assert.Equal((7 + j) / 255f, row[j], 1e-7f);
    }

    [Fact]
    public void Loads_gzipped_files_too()
    {
        IdxWriter.WriteDataset(_dir.Path, trainCount: 5, testCount: 3, gzip: true);

        var pair = DatasetCatalog.Load("mnist", _dir.Path);

        Assert.Equal(5, pair.Train.Count);
        Assert.Equal(3, pair.Test.Count);
    }

    [Fact]
    public void Loading_twice_returns_the_same_instance()
    {
        IdxWriter.WriteDataset(_dir.Path);

        var first = DatasetCatalog.Load("fashion-mnist", _dir.Path);
        var second = DatasetCatalog.Load("fashion-mnist", _dir.Path);

        Assert.Same(first, second);
        Assert.Same(first.Train, second.Train);
    }

    [Fact]
    public void Loading_concurrently_returns_one_instance()
    {
        IdxWriter.WriteDataset(_dir.Path);

        var results = new DatasetPair[16];
        Parallel.For(0, results.Length, i => results[i] = DatasetCatalog.Load("fashion-mnist", _dir.Path));

        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public void The_same_directory_spelled_differently_shares_one_instance()
    {
        IdxWriter.WriteDataset(_dir.Path);
        Directory.CreateDirectory(_dir.Combine("sub"));

        var plain = DatasetCatalog.Load("fashion-mnist", _dir.Path);
        var dotted = DatasetCatalog.Load("fashion-mnist", Path.Combine(_dir.Path, "sub", ".."));

        Assert.Same(plain, dotted);
    }

    [Fact]
    public void The_same_directory_with_a_trailing_separator_shares_one_instance()
    {
        IdxWriter.WriteDataset(_dir.Path);

        var plain = DatasetCatalog.Load("fashion-mnist", _dir.Path);
        var slashed = DatasetCatalog.Load("fashion-mnist", _dir.Path + Path.DirectorySeparatorChar);

        Assert.Same(plain, slashed);
    }

    [Fact]
    public void Different_directories_are_different_instances()
    {
        var a = _dir.Combine("a");
        var b = _dir.Combine("b");
        IdxWriter.WriteDataset(a, trainCount: 10);
        IdxWriter.WriteDataset(b, trainCount: 30);

        Assert.Equal(10, DatasetCatalog.Load("fashion-mnist", a).Train.Count);
        Assert.Equal(30, DatasetCatalog.Load("fashion-mnist", b).Train.Count);
    }

    [Theory]
    [InlineData("cifar100")]
    [InlineData("Fashion-MNIST")]
    [InlineData("")]
    public void An_unknown_dataset_name_is_an_argument_exception_naming_the_name(string name)
    {
        IdxWriter.WriteDataset(_dir.Path);

        var e = Assert.Throws<ArgumentException>(() => DatasetCatalog.Load(name, _dir.Path));

        Assert.Contains($"'{name}'", e.Message);
        Assert.Contains("fashion-mnist", e.Message);
    }

    [Fact]
    public void Knows_fashion_mnist_and_mnist()
    {
        Assert.Contains("fashion-mnist", DatasetCatalog.Registry.Names);
        Assert.Contains("mnist", DatasetCatalog.Registry.Names);
    }

    [Fact]
    public void Images_and_labels_of_different_counts_are_rejected()
    {
        IdxWriter.WriteDataset(_dir.Path, trainCount: 20);
        IdxWriter.Write(_dir.Combine("train-labels-idx1-ubyte"), [19], IdxWriter.Labels(19));

        var e = Assert.Throws<InvalidDataException>(() => DatasetCatalog.Load("fashion-mnist", _dir.Path));

        Assert.Contains("20 images but 19 labels", e.Message);
    }

    [Fact]
    public void A_label_above_9_in_the_file_is_rejected()
    {
        IdxWriter.WriteDataset(_dir.Path, testCount: 3);
        IdxWriter.Write(_dir.Combine("t10k-labels-idx1-ubyte"), [3], [0, 10, 1]);

        var e = Assert.Throws<InvalidDataException>(() => DatasetCatalog.Load("fashion-mnist", _dir.Path));

        Assert.Contains("label 10 at index 1", e.Message);
    }

    [Fact]
    public void A_failed_load_is_not_cached_so_a_repaired_dataset_loads()
    {
        IdxWriter.WriteDataset(_dir.Path, trainCount: 20);
        var images = _dir.Combine("train-images-idx3-ubyte");
        var good = File.ReadAllBytes(images);
        File.WriteAllBytes(images, good[..100]);

        var e = Assert.Throws<InvalidDataException>(() => DatasetCatalog.Load("fashion-mnist", _dir.Path));
        Assert.Contains("truncated", e.Message);

        File.WriteAllBytes(images, good);
        Assert.Equal(20, DatasetCatalog.Load("fashion-mnist", _dir.Path).Train.Count);
    }
}
