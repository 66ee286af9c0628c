namespace FedSim.Data.Tests;

[Collection(EnvironmentCollection.Name)]
public sealed class CifarLocationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static T WithDataVariable<T>(string? value, Func<T> body)
    {
        var saved = Environment.GetEnvironmentVariable(DatasetLocator.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DatasetLocator.EnvironmentVariable, value);
            return body();
        }
        finally
        {
            Environment.SetEnvironmentVariable(DatasetLocator.EnvironmentVariable, saved);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("cifar10")]
    [InlineData("cifar-10-batches-bin")]
    public void Finds_the_batches_in_FEDSIM_DATA_or_its_cifar_sub_directories(string sub)
    {
        var dir = _dir.Combine(sub);
        CifarWriter.WriteDataset(dir, perBatch: 1, testCount: 4);

        var found = WithDataVariable(_dir.Path, () => DatasetLocator.Locate("cifar10", null, CifarReader.RequiredFiles));
        var pair = WithDataVariable(_dir.Path, () => DatasetCatalog.Load(new TestSection("cifar10", null), 0));

        Assert.Equal(Path.TrimEndingDirectorySeparator(dir), Path.TrimEndingDirectorySeparator(found));
        Assert.Equal(4, pair.Test.Count);
    }

    [Fact]
    public void Dataset_path_wins_over_FEDSIM_DATA()
    {
        var scenario = _dir.Combine("scenario");
        CifarWriter.WriteDataset(scenario, perBatch: 1, testCount: 2);
        CifarWriter.WriteDataset(_dir.Combine("env", "cifar10"), perBatch: 1, testCount: 5);

        var pair = WithDataVariable(_dir.Combine("env"), () => DatasetCatalog.Load(new TestSection("cifar10", scenario), 0));

        Assert.Equal(2, pair.Test.Count);
    }

    [Fact]
    public void When_nothing_is_found_the_message_lists_the_batch_files_and_the_places_looked()
    {
        var env = _dir.Combine("env");
        Directory.CreateDirectory(env);

        var e = WithDataVariable(env, () => Assert.Throws<DatasetNotFoundException>(() => DatasetCatalog.Load(new TestSection("cifar10", null), 0)));

        Assert.Contains("data_batch_1.bin", e.Message);
        Assert.Contains("test_batch.bin", e.Message);
        Assert.Contains(Path.Combine(env, "cifar-10-batches-bin"), e.Message);
    }

    [Fact]
    public void An_explicit_path_without_the_batches_is_refused_naming_it()
    {
        var e = Assert.Throws<DatasetNotFoundException>(() => DatasetCatalog.Load(new TestSection("cifar10", _dir.Combine("nowhere")), 0));

        Assert.Contains($"dataset.path {_dir.Combine("nowhere")} does not exist", e.Message);
        Assert.Contains("data_batch_1.bin", e.Message);
    }
}
