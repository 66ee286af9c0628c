namespace FedSim.Data;

/// <summary>
/// FCUBE (NIID-Bench's synthetic feature-skew set), generated in-process from the seed: points uniform in the cube
/// [-1, 1]^3, label 0 when x1 &gt; 0, else 1. The first <c>round(samples * (1 - dataset.test_fraction))</c> points are the
/// training set and the rest the test set (the points are independent draws, so this is a random split; the default
/// fraction 0.2 gives NIID-Bench's 80/20). <see cref="IDataset.Groups"/> holds each point's octant,
/// <c>(x1 &gt; 0 ? 1 : 0) + (x2 &gt; 0 ? 2 : 0) + (x3 &gt; 0 ? 4 : 0)</c>, for a feature-region partition.
/// </summary>
internal static class FcubeGenerator
{
    public const int Dimensions = 3;

    public static DatasetPair Load(string name, FcubeSource section, int seed)
    {
        if (section.Samples < 2)
            throw new ArgumentException($"dataset.fcube.samples: fcube needs at least 2 points, got {section.Samples}");
        var all = Generate(name + "/all", section.Samples, seed);
        var testCount = HoldOut.TestCount(section.Samples, section.TestFraction);
        var trainCount = section.Samples - testCount;
        return new DatasetPair(
            all.Select(name + "/train", Enumerable.Range(0, trainCount).ToArray()),
            all.Select(name + "/test", Enumerable.Range(trainCount, testCount).ToArray()));
    }

    public static TabularDataset Generate(string name, int samples, int seed)
    {
        var rng = Core.Randomness.Seeds.Stream(seed, Core.Randomness.Seeds.Purpose.GeneratedData);
        var features = new float[samples * Dimensions];
        var labels = new int[samples];
        var octants = new int[samples];
        for (var i = 0; i < samples; i++)
        {
            var octant = 0;
            for (var d = 0; d < Dimensions; d++)
            {
                var x = (float)(rng.NextDouble() * 2 - 1);
                features[i * Dimensions + d] = x;
                if (x > 0) octant |= 1 << d;
            }
            labels[i] = features[i * Dimensions] > 0 ? 0 : 1;
            octants[i] = octant;
        }
        return new TabularDataset(name, features, Dimensions, labels, classes: 2, octants);
    }
}
