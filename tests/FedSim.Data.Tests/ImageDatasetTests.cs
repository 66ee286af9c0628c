namespace FedSim.Data.Tests;

public sealed class ImageDatasetTests
{
    // Three 1 x 2 x 2 images.
    private static readonly byte[] Pixels =
    [
        0, 255, 51, 102,
        1, 2, 3, 4,
        255, 0, 128, 254,
    ];

    private static ImageDataset Small() => new("small", Pixels.ToArray(), [4, 1, 9], [1, 2, 2], 10);

    [Fact]
    public void Exposes_name_count_shape_sample_size_classes_and_labels()
    {
        var ds = Small();

        Assert.Equal("small", ds.Name);
        Assert.Equal(3, ds.Count);
        Assert.Equal([1, 2, 2], ds.SampleShape);
        Assert.Equal(4, ds.SampleSize);
        Assert.Equal(10, ds.Classes);
        Assert.Equal([4, 1, 9], ds.Labels);
    }

    [Fact]
    public void CopyInputs_scales_bytes_to_0_1_in_the_order_of_the_indices()
    {
        var ds = Small();
        var dst = new float[8];

        ds.CopyInputs([2, 0], dst);

        // Row 0 is image 2, row 1 is image 0.
        Assert.Equal(1.0f, dst[0]);
        Assert.Equal(0.0f, dst[1]);
        Assert.Equal(128 / 255f, dst[2], 1e-7f);
        Assert.Equal(254 / 255f, dst[3], 1e-7f);
        Assert.Equal(0.0f, dst[4]);
        Assert.Equal(1.0f, dst[5]);
        Assert.Equal(0.2f, dst[6], 1e-7f);
        Assert.Equal(0.4f, dst[7], 1e-7f);
    }

    [Fact]
    public void CopyInputs_maps_every_byte_value_into_0_1_monotonically_with_exact_ends()
    {
        var pixels = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var ds = new ImageDataset("all-bytes", pixels, new int[256], [1, 1, 1], 1);
        var dst = new float[256];

        ds.CopyInputs(Enumerable.Range(0, 256).ToArray(), dst);

        Assert.Equal(0f, dst[0]);
        Assert.Equal(1f, dst[255]);
        for (var i = 0; i < 256; i++)
        {
            Assert.InRange(dst[i], 0f, 1f);
            Assert.Equal(i / 255.0, dst[i], 1e-6);
            if (i > 0) Assert.True(dst[i] > dst[i - 1], $"value for {i} is not above the value for {i - 1}");
        }
    }

    [Fact]
    public void CopyInputs_repeats_a_sample_when_its_index_repeats()
    {
        var ds = Small();
        var dst = new float[8];

        ds.CopyInputs([1, 1], dst);

        Assert.Equal(dst[..4], dst[4..]);
        Assert.Equal(1 / 255f, dst[0], 1e-7f);
    }

    [Fact]
    public void CopyInputs_leaves_the_rest_of_a_larger_destination_untouched()
    {
        var ds = Small();
        var dst = Enumerable.Repeat(-1f, 10).ToArray();

        ds.CopyInputs([0], dst);

        Assert.Equal(1f, dst[1]);
        Assert.All(dst[4..], v => Assert.Equal(-1f, v));
    }

    [Fact]
    public void CopyInputs_rejects_a_destination_too_small_for_the_batch()
    {
        var ds = Small();
        Assert.Throws<ArgumentException>(() => ds.CopyInputs([0, 1], new float[7]));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10)]
    [InlineData(255)]
    public void Labels_outside_0_to_classes_minus_1_are_rejected_naming_the_label_and_index(int bad)
    {
        var e = Assert.Throws<InvalidDataException>(() =>
            new ImageDataset("bad-labels", Pixels.ToArray(), [0, bad, 9], [1, 2, 2], 10));

        Assert.Contains("bad-labels", e.Message);
        Assert.Contains($"label {bad} at index 1", e.Message);
        Assert.Contains("0..9", e.Message);
    }

    [Fact]
    public void Labels_0_and_classes_minus_1_are_accepted()
    {
        var ds = new ImageDataset("edge-labels", Pixels.ToArray(), [0, 9, 0], [1, 2, 2], 10);
        Assert.Equal([0, 9, 0], ds.Labels);
    }

    [Fact]
    public void Pixel_count_that_does_not_match_labels_times_sample_size_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new ImageDataset("short", new byte[11], [0, 1, 2], [1, 2, 2], 10));
        Assert.Contains("12", e.Message);
        Assert.Contains("11", e.Message);
    }

    [Fact]
    public void Take_keeps_the_first_n_samples_with_their_labels_and_pixels()
    {
        var ds = Small();

        var first = ds.Take(2);

        Assert.Equal(2, first.Count);
        Assert.Equal([4, 1], first.Labels);
        Assert.Equal(ds.Name, first.Name);
        Assert.Equal(ds.SampleShape, first.SampleShape);
        Assert.Equal(ds.Classes, first.Classes);
        var expected = new float[8];
        var actual = new float[8];
        ds.CopyInputs([0, 1], expected);
        first.CopyInputs([0, 1], actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Take_more_than_the_count_keeps_everything()
    {
        var all = Small().Take(100);

        Assert.Equal(3, all.Count);
        Assert.Equal([4, 1, 9], all.Labels);
    }

    [Fact]
    public void Take_zero_gives_an_empty_dataset_with_the_same_shape()
    {
        var none = Small().Take(0);

        Assert.Equal(0, none.Count);
        Assert.Empty(none.Labels);
        Assert.Equal([1, 2, 2], none.SampleShape);
    }

    [Fact]
    public void Take_does_not_change_the_original()
    {
        var ds = Small();
        _ = ds.Take(1);
        Assert.Equal(3, ds.Count);
    }
}
