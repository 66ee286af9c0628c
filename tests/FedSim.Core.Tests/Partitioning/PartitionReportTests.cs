using FedSim.Core.Partitioning;

namespace FedSim.Core.Tests.Partitioning;

public sealed class PartitionReportTests
{
    // Global: 8 samples alternating classes 0 and 1, so the global distribution is uniform over 2 classes.
    private static readonly int[] Labels = [0, 1, 0, 1, 0, 1, 0, 1];

    // Party 0 holds two of each class, party 1 only class 0, party 2 only class 1.
    private static readonly int[][] DataIdxs = [[0, 1, 2, 3], [4, 6], [5, 7]];

    // JS between [1, 0] and the global [1/2, 1/2], in bits: JS = H(m) - (H(p) + H(q)) / 2 with m = [3/4, 1/4];
    // H(m) = -(3/4) log2(3/4) - (1/4) log2(1/4) = 2 - (3/4) log2 3, H(p) = 0, H(q) = 1,
    // so JS = 3/2 - (3/4) log2 3 = 0.311278...
    private static readonly double OneClassJs = 1.5 - 0.75 * Math.Log2(3);

    private static PartitionReport Report() => PartitionReport.Compute("dirichlet", 42, Labels, 2, DataIdxs);

    [Fact]
    public void Header_fields_are_carried_over()
    {
        var r = Report();

        Assert.Equal("dirichlet", r.Strategy);
        Assert.Equal(42, r.Seed);
        Assert.Equal(2, r.Classes);
        Assert.Equal(8, r.TotalSamples);
        Assert.Equal([0, 1, 2], r.Parties.Select(p => p.Id));
    }

    [Fact]
    public void Class_counts_sizes_and_classes_present_are_counted_per_party()
    {
        var r = Report();

        Assert.Equal([2L, 2L], r.Parties[0].ClassCounts);
        Assert.Equal([2L, 0L], r.Parties[1].ClassCounts);
        Assert.Equal([0L, 2L], r.Parties[2].ClassCounts);
        Assert.Equal([4, 2, 2], r.Parties.Select(p => p.Size));
        Assert.Equal([2, 1, 1], r.Parties.Select(p => p.ClassesPresent));
        Assert.Equal(DataIdxs[1], r.Parties[1].DataIdxs);
    }

    [Fact]
    public void Label_entropy_is_in_bits()
    {
        var r = Report();

        // [1/2, 1/2] has entropy 1 bit; a single class has 0.
        Assert.Equal(1.0, r.Parties[0].LabelEntropy, 12);
        Assert.Equal(0.0, r.Parties[1].LabelEntropy, 12);
    }

    [Fact]
    public void A_party_with_the_global_distribution_has_js_zero_and_a_one_class_party_the_hand_computed_value()
    {
        var r = Report();

        Assert.Equal(0.0, r.Parties[0].JsDivergence, 12);
        Assert.Equal(OneClassJs, r.Parties[1].JsDivergence, 12);
        Assert.Equal(OneClassJs, r.Parties[2].JsDivergence, 12);
        Assert.Equal(0.311278, r.Parties[1].JsDivergence, 6);
    }

    [Fact]
    public void Mean_and_max_js_and_the_size_cv_are_hand_computed()
    {
        var r = Report();

        // Sizes 4, 2, 2: mean 8/3, population variance ((4/3)^2 + 2 (2/3)^2) / 3 = 8/9, sd 2 sqrt(2) / 3,
        // so CV = (2 sqrt(2) / 3) / (8 / 3) = sqrt(2) / 4.
        Assert.Equal(2 * OneClassJs / 3, r.MeanJsDivergence, 12);
        Assert.Equal(OneClassJs, r.MaxJsDivergence, 12);
        Assert.Equal(Math.Sqrt(2) / 4, r.SizeCoefficientOfVariation, 12);
    }

    [Fact]
    public void An_empty_party_counts_as_maximally_divergent()
    {
        var r = PartitionReport.Compute("homo", 0, Labels, 2, [[0, 1, 2, 3, 4, 5, 6, 7], []]);

        Assert.Equal(0, r.Parties[1].Size);
        Assert.Equal(0, r.Parties[1].ClassesPresent);
        Assert.Equal(1.0, r.Parties[1].JsDivergence);
        Assert.Equal(1.0, r.MaxJsDivergence);
    }

    [Fact]
    public void Equal_sizes_give_a_size_cv_of_zero()
    {
        var r = PartitionReport.Compute("homo", 0, Labels, 2, [[0, 1], [2, 3], [4, 5], [6, 7]]);

        Assert.Equal(0.0, r.SizeCoefficientOfVariation);
        Assert.All(r.Parties, p => Assert.Equal(0.0, p.JsDivergence, 12));
    }
}
