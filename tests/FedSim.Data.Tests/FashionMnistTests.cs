namespace FedSim.Data.Tests;

/// <summary>The real Fashion-MNIST files from the Debian package (skipped when it is not installed).</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class FashionMnistTests
{
    private static DatasetPair Load() => DatasetCatalog.Load("fashion-mnist", RealDatasetFactAttribute.Directory);

    [RealDatasetFact]
    public void Has_60000_training_and_10000_test_images_of_1x28x28_in_10_classes()
    {
        var pair = Load();

        Assert.Equal(60000, pair.Train.Count);
        Assert.Equal(10000, pair.Test.Count);
        Assert.Equal([1, 28, 28], pair.Train.SampleShape);
        Assert.Equal([1, 28, 28], pair.Test.SampleShape);
        Assert.Equal(784, pair.Train.SampleSize);
        Assert.Equal(10, pair.Train.Classes);
        Assert.Equal(10, pair.Test.Classes);
    }

    [RealDatasetFact]
    public void Labels_are_balanced_6000_per_class_in_training_and_1000_in_test()
    {
        var pair = Load();

        var train = pair.Train.Labels.GroupBy(l => l).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToArray();
        var test = pair.Test.Labels.GroupBy(l => l).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToArray();

        Assert.Equal(Enumerable.Range(0, 10).Select(c => (c, 6000)), train);
        Assert.Equal(Enumerable.Range(0, 10).Select(c => (c, 1000)), test);
    }

    [RealDatasetFact]
    public void First_labels_are_those_of_the_published_files()
    {
        var pair = Load();

        Assert.Equal([9, 0, 0, 3, 0, 2, 7, 2, 5, 5], pair.Train.Labels.Take(10));
        Assert.Equal([9, 2, 1, 1, 6, 1, 4, 6, 5, 7], pair.Test.Labels.Take(10));
    }

    [RealDatasetFact]
    public void Pixels_read_as_values_in_0_1_that_are_not_all_equal()
    {
        var pair = Load();
        var batch = new float[4 * 784];

        pair.Train.CopyInputs([0, 1, 59998, 59999], batch);

        Assert.All(batch, v => Assert.InRange(v, 0f, 1f));
        Assert.Contains(0f, batch);
        Assert.Contains(1f, batch);
    }

    [RealDatasetFact]
    public void Without_a_path_the_installed_package_is_found_and_shares_the_loaded_instance()
    {
        var saved = Environment.GetEnvironmentVariable(DatasetLocator.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DatasetLocator.EnvironmentVariable, null);
            Assert.Same(Load(), DatasetCatalog.Load("fashion-mnist", null));
        }
        finally
        {
            Environment.SetEnvironmentVariable(DatasetLocator.EnvironmentVariable, saved);
        }
    }
}
