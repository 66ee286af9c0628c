namespace FedSim.Data.Tests;

public sealed class TabularDatasetTests
{
    private static TabularDataset Sample() =>
        new("t", [1, 2, 3, 4, 5, 6], 2, [0, 2, 1], 3, [5, 0, 5]);

    [Fact]
    public void Exposes_shape_labels_groups_and_copies_rows_unscaled()
    {
        var data = Sample();
        var rows = new float[4];

        data.CopyInputs([2, 0], rows);

        Assert.Equal(3, data.Count);
        Assert.Equal([2], data.SampleShape);
        Assert.Equal(2, data.SampleSize);
        Assert.Equal(3, data.Classes);
        Assert.Equal([0, 2, 1], data.Labels);
        Assert.Equal([5, 0, 5], data.Groups);
        Assert.Equal([5f, 6f, 1f, 2f], rows);
    }

    [Fact]
    public void Select_keeps_rows_labels_and_groups_together_in_the_given_order()
    {
        var subset = Sample().Select("s", [2, 1]);
        var rows = new float[4];

        subset.CopyInputs([0, 1], rows);

        Assert.Equal("s", subset.Name);
        Assert.Equal([1, 2], subset.Labels);
        Assert.Equal([5, 0], subset.Groups);
        Assert.Equal(3, subset.Classes);
        Assert.Equal([5f, 6f, 3f, 4f], rows);
    }

    [Fact]
    public void A_destination_too_small_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Sample().CopyInputs([0, 1], new float[3]));
    }

    [Fact]
    public void Feature_and_label_counts_must_agree()
    {
        var e = Assert.Throws<ArgumentException>(() => new TabularDataset("t", [1, 2, 3], 2, [0, 1], 2));

        Assert.Contains("need 4 feature values, got 3", e.Message);
    }

    [Fact]
    public void A_label_outside_the_classes_is_rejected()
    {
        var e = Assert.Throws<InvalidDataException>(() => new TabularDataset("t", [1, 2], 1, [0, 2], 2));

        Assert.Contains("label 2 at index 1", e.Message);
    }

    [Fact]
    public void Groups_must_have_one_id_per_sample()
    {
        var e = Assert.Throws<ArgumentException>(() => new TabularDataset("t", [1, 2], 1, [0, 1], 2, [0]));

        Assert.Contains("2 labels but 1 group ids", e.Message);
    }

    [Fact]
    public void Image_datasets_have_no_groups()
    {
        IDataset data = new ImageDataset("i", [1, 2], [0, 1], [1, 1, 1], 2);

        Assert.Null(data.Groups);
    }
}
