namespace FedSim.Data.Tests;

public sealed class FcubeTests
{
    private static float[] Rows(IDataset data)
    {
        var rows = new float[data.Count * data.SampleSize];
        data.CopyInputs(Enumerable.Range(0, data.Count).ToArray(), rows);
        return rows;
    }

    private static DatasetPair Generate(int seed, int samples = 4000) =>
        FcubeGenerator.Load("fcube", new FcubeSource(samples, 0.2), seed);

    [Fact]
    public void Default_settings_give_4000_points_split_3200_800_with_3_features_and_2_classes()
    {
        var pair = DatasetCatalog.Load(new TestSection("fcube", null), seed: 0);

        Assert.Equal("fcube/train", pair.Train.Name);
        Assert.Equal("fcube/test", pair.Test.Name);
        Assert.Equal(3200, pair.Train.Count);
        Assert.Equal(800, pair.Test.Count);
        Assert.Equal([3], pair.Train.SampleShape);
        Assert.Equal([3], pair.Test.SampleShape);
        Assert.Equal(2, pair.Train.Classes);
        Assert.Equal(2, pair.Test.Classes);
    }

    [Theory]
    [InlineData(50, 0.2, 40)]
    [InlineData(101, 0.2, 81)]
    [InlineData(10, 0.5, 5)]
    public void Samples_and_test_fraction_set_the_split(int samples, double fraction, int train)
    {
        var pair = FcubeGenerator.Load("fcube", new FcubeSource(samples, fraction), 0);

        Assert.Equal(train, pair.Train.Count);
        Assert.Equal(samples - train, pair.Test.Count);
    }

    [Fact]
    public void Points_lie_in_the_cube_and_label_0_exactly_when_x1_is_positive()
    {
        var pair = Generate(seed: 11);

        foreach (var data in new[] { pair.Train, pair.Test })
        {
            var rows = Rows(data);
            Assert.All(rows, v => Assert.InRange(v, -1f, 1f));
            for (var i = 0; i < data.Count; i++)
                Assert.Equal(rows[3 * i] > 0 ? 0 : 1, data.Labels[i]);
        }
    }

    [Fact]
    public void Both_classes_are_about_half_the_points()
    {
        var pair = Generate(seed: 2);

        var zeros = pair.Train.Labels.Count(l => l == 0);

        Assert.InRange(zeros, 1400, 1800);
    }

    [Fact]
    public void Groups_are_the_octants_from_the_signs_of_the_three_coordinates()
    {
        var pair = Generate(seed: 3);

        foreach (var data in new[] { pair.Train, pair.Test })
        {
            var rows = Rows(data);
            Assert.NotNull(data.Groups);
            Assert.Equal(data.Count, data.Groups!.Count);
            for (var i = 0; i < data.Count; i++)
            {
                var expected = (rows[3 * i] > 0 ? 1 : 0) + (rows[3 * i + 1] > 0 ? 2 : 0) + (rows[3 * i + 2] > 0 ? 4 : 0);
                Assert.Equal(expected, data.Groups[i]);
            }
        }
        Assert.Equal(Enumerable.Range(0, 8), pair.Train.Groups!.Distinct().Order());
    }

    [Fact]
    public void The_same_seed_gives_the_same_points_and_another_seed_other_points()
    {
        var a = Generate(seed: 7);
        var b = Generate(seed: 7);
        var c = Generate(seed: 8);

        Assert.NotSame(a, b);
        Assert.Equal(Rows(a.Train), Rows(b.Train));
        Assert.Equal(Rows(a.Test), Rows(b.Test));
        Assert.Equal(a.Train.Labels, b.Train.Labels);
        Assert.NotEqual(Rows(a.Train), Rows(c.Train));
    }

    [Fact]
    public void Train_and_test_points_are_different_draws()
    {
        var pair = Generate(seed: 5, samples: 100);

        var train = Rows(pair.Train).Chunk(3).Select(p => (p[0], p[1], p[2])).ToHashSet();

        Assert.DoesNotContain(Rows(pair.Test).Chunk(3).Select(p => (p[0], p[1], p[2])), train.Contains);
    }

    [Fact]
    public void The_catalog_caches_per_seed_and_sample_count()
    {
        var section = new TestSection("fcube", null) { Samples = 200 };

        var first = DatasetCatalog.Load(section, seed: 21);

        Assert.Same(first, DatasetCatalog.Load(section, seed: 21));
        Assert.NotSame(first, DatasetCatalog.Load(section, seed: 22));
        Assert.NotSame(first, DatasetCatalog.Load(section with { Samples = 300 }, seed: 21));
        Assert.NotSame(first, DatasetCatalog.Load(section with { TestFraction = 0.3 }, seed: 21));
        Assert.Equal(240, DatasetCatalog.Load(section with { Samples = 300 }, seed: 21).Train.Count);
    }

    [Fact]
    public void Fewer_than_two_samples_is_an_argument_error()
    {
        var e = Assert.Throws<ArgumentException>(() => Generate(seed: 0, samples: 1));

        Assert.Contains("dataset.fcube.samples", e.Message);
    }
}
