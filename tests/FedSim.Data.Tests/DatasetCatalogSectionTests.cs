using FedSim.Core.Scenarios;

namespace FedSim.Data.Tests;

/// <summary>The <see cref="DatasetCatalog.Load(DatasetSection, int)"/> overload that takes a scenario's dataset section.</summary>
public sealed class DatasetCatalogSectionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_registry_holds_every_dataset_reader_and_generator()
    {
        Assert.Equal(["cifar10", "csv", "fashion-mnist", "fcube", "libsvm", "mnist"], DatasetCatalog.Registry.Names);
    }

    [Fact]
    public void Mnist_loads_from_a_directory_of_idx_files()
    {
        IdxWriter.WriteDataset(_dir.Path, trainCount: 12, testCount: 6, rows: 5, cols: 4);

        var pair = DatasetCatalog.Load(new TestSection("mnist", _dir.Path), seed: 0);

        Assert.Equal("mnist/train", pair.Train.Name);
        Assert.Equal("mnist/test", pair.Test.Name);
        Assert.Equal(12, pair.Train.Count);
        Assert.Equal(6, pair.Test.Count);
        Assert.Equal([1, 5, 4], pair.Train.SampleShape);
        Assert.Equal(IdxWriter.Labels(6).Select(b => (int)b), pair.Test.Labels);
        Assert.Null(pair.Train.Groups);
        var row = new float[20];
        pair.Test.CopyInputs([2], row);
        for (var j = 0; j < 20; j++) Assert.Equal((14 + j) / 255f, row[j], 1e-7f);
    }

    [Fact]
    public void Image_datasets_ignore_the_seed_and_share_one_instance_with_the_name_and_path_overload()
    {
        IdxWriter.WriteDataset(_dir.Path);

        var bySection = DatasetCatalog.Load(new TestSection("mnist", _dir.Path), seed: 3);
        var otherSeed = DatasetCatalog.Load(new TestSection("mnist", _dir.Path) { TestFraction = 0.5 }, seed: 9);
        var byName = DatasetCatalog.Load("mnist", _dir.Path);

        Assert.Same(bySection, otherSeed);
        Assert.Same(bySection, byName);
    }

    [Fact]
    public void Mnist_and_fashion_mnist_from_the_same_directory_are_different_instances()
    {
        IdxWriter.WriteDataset(_dir.Path);

        var mnist = DatasetCatalog.Load(new TestSection("mnist", _dir.Path), 0);
        var fashion = DatasetCatalog.Load(new TestSection("fashion-mnist", _dir.Path), 0);

        Assert.NotSame(mnist, fashion);
        Assert.Equal("fashion-mnist/train", fashion.Train.Name);
    }

    [Fact]
    public void The_name_and_path_overload_reads_csv_files_with_seed_0()
    {
        var path = _dir.Combine("data.csv");
        File.WriteAllLines(path, Enumerable.Range(0, 10).Select(i => $"{i},{i % 2}"));

        Assert.Same(DatasetCatalog.Load(new TestSection("csv", path), seed: 0), DatasetCatalog.Load("csv", path));
    }

    [Fact]
    public void Loading_concurrently_returns_one_instance()
    {
        var path = _dir.Combine("data.csv");
        File.WriteAllLines(path, Enumerable.Range(0, 100).Select(i => $"{i},{i % 2}"));
        var section = new TestSection("csv", path);

        var results = new DatasetPair[16];
        Parallel.For(0, results.Length, i => results[i] = DatasetCatalog.Load(section, 4));

        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Theory]
    [InlineData("cifar100")]
    [InlineData("CSV")]
    [InlineData("svmlight")]
    public void An_unknown_name_is_an_argument_exception_naming_it_and_listing_the_known_ones(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => DatasetCatalog.Load(new TestSection(name, _dir.Path), 0));

        Assert.Contains($"'{name}'", e.Message);
        Assert.Contains("cifar10, csv, fashion-mnist, fcube, libsvm, mnist", e.Message);
    }
}
