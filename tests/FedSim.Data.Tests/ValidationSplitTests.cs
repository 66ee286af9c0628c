namespace FedSim.Data.Tests;

/// <summary><c>dataset.validation_fraction</c>: evaluation on a seeded share of the training split, never the test split.</summary>
public sealed class ValidationSplitTests
{
    private static Core.Scenarios.DatasetSection Section(double fraction) =>
        ((Core.Scenarios.DatasetSection)new TestSection("fcube", null) { Samples = 1000 }) with { ValidationFraction = fraction };

    private static float[] Rows(IDataset d)
    {
        var rows = new float[d.Count * d.SampleSize];
        d.CopyInputs(Enumerable.Range(0, d.Count).ToArray(), rows);
        return rows;
    }

    [Fact]
    public void A_share_of_the_training_split_becomes_the_evaluation_set_and_the_rest_stays_for_training()
    {
        var plain = DatasetCatalog.Load(new TestSection("fcube", null) { Samples = 1000 }, 0);
        var split = DatasetCatalog.Load(Section(0.25), 0);

        Assert.Equal(plain.Train.Count, split.Train.Count + split.Test.Count);
        Assert.Equal(200, split.Test.Count); // round(800 * 0.25)
        // Every training and validation row is a row of the plain training split, none of the test split's, and none twice.
        var trainRows = Enumerable.Range(0, plain.Train.Count).Select(i => Row(plain.Train, i)).ToHashSet();
        var seen = new HashSet<string>();
        foreach (var d in new[] { split.Train, split.Test })
            for (var i = 0; i < d.Count; i++)
            {
                Assert.Contains(Row(d, i), trainRows);
                Assert.True(seen.Add(Row(d, i)));
            }
        Assert.Equal(split.Test.Labels.Count, split.Test.Count);
    }

    [Fact]
    public void The_split_is_seeded_and_zero_means_the_test_split()
    {
        Assert.Equal(Rows(DatasetCatalog.Load(Section(0.25), 3).Test), Rows(DatasetCatalog.Load(Section(0.25), 3).Test));
        Assert.NotEqual(Rows(DatasetCatalog.Load(Section(0.25), 3).Test), Rows(DatasetCatalog.Load(Section(0.25), 4).Test));
        var plain = DatasetCatalog.Load(new TestSection("fcube", null) { Samples = 1000 }, 0);
        Assert.Same(plain, DatasetCatalog.Load(Section(0), 0));
    }

    private static string Row(IDataset d, int i)
    {
        var row = new float[d.SampleSize];
        d.CopyInputs([i], row);
        return string.Join(",", row);
    }
}
