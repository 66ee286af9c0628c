using FedSim.Core.Scenarios;

namespace FedSim.Data.Tests;

public sealed class LibSvmTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, params string[] lines)
    {
        var path = _dir.Combine(name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private static float[] Row(IDataset data, int index)
    {
        var row = new float[data.SampleSize];
        data.CopyInputs([index], row);
        return row;
    }

    private static DatasetPair Load(DatasetSection section, int seed = 0) => DatasetCatalog.Load(section, seed);

    private DatasetPair LoadWithTest(string[] train, string[] test) =>
        Load(new TestSection("libsvm", Write("train.svm", train)) { TestPath = Write("test.svm", test) });

    [Fact]
    public void Sparse_lines_become_dense_rows_with_absent_features_zero()
    {
        var pair = LoadWithTest(["+1 1:0.5 3:2", "-1 2:1.5", "+1"], ["-1 3:-4 1:7"]);

        Assert.Equal("libsvm/train", pair.Train.Name);
        Assert.Equal("libsvm/test", pair.Test.Name);
        Assert.Equal([3], pair.Train.SampleShape);
        Assert.Equal([0.5f, 0f, 2f], Row(pair.Train, 0));
        Assert.Equal([0f, 1.5f, 0f], Row(pair.Train, 1));
        Assert.Equal([0f, 0f, 0f], Row(pair.Train, 2));
        Assert.Equal([7f, 0f, -4f], Row(pair.Test, 0));
        Assert.Null(pair.Train.Groups);
    }

    [Fact]
    public void Minus_one_and_plus_one_labels_become_classes_0_and_1()
    {
        var pair = LoadWithTest(["+1 1:1", "-1 1:2", "1 1:3"], ["-1 1:4"]);

        Assert.Equal(2, pair.Train.Classes);
        Assert.Equal([1, 0, 1], pair.Train.Labels);
        Assert.Equal([0], pair.Test.Labels);
    }

    [Fact]
    public void Labels_1_to_K_map_to_0_to_K_minus_1_in_numeric_order()
    {
        var pair = LoadWithTest(["3 1:1", "1 1:1", "10 1:1", "2.0 1:1"], ["2 1:1"]);

        Assert.Equal(4, pair.Train.Classes);
        Assert.Equal([2, 0, 3, 1], pair.Train.Labels);
        Assert.Equal([1], pair.Test.Labels);
    }

    [Fact]
    public void The_feature_count_is_the_largest_index_in_train_and_test()
    {
        var pair = LoadWithTest(["1 2:1"], ["0 5:3"]);

        Assert.Equal([5], pair.Train.SampleShape);
        Assert.Equal([5], pair.Test.SampleShape);
        Assert.Equal([0f, 0f, 0f, 0f, 3f], Row(pair.Test, 0));
    }

    [Fact]
    public void Comments_blank_lines_and_qid_tokens_are_ignored()
    {
        var pair = LoadWithTest(
            ["# a whole-line comment", "", "1 qid:3 1:0.25 2:1 # trailing comment", "   ", "\t0\tqid:4\t2:-1"],
            ["0 1:1"]);

        Assert.Equal(2, pair.Train.Count);
        Assert.Equal([2], pair.Train.SampleShape);
        Assert.Equal([0.25f, 1f], Row(pair.Train, 0));
        Assert.Equal([0f, -1f], Row(pair.Train, 1));
        Assert.Equal([1, 0], pair.Train.Labels);
    }

    [Fact]
    public void Without_a_test_file_a_seeded_fraction_is_held_out()
    {
        var lines = Enumerable.Range(0, 40).Select(i => $"{i % 2} 1:{i}").ToArray();
        var path = Write("data.svm", lines);

        var a = Load(new TestSection("libsvm", path) { TestFraction = 0.25 }, seed: 4);
        var b = Load(new TestSection("libsvm", Write("copy.svm", lines)) { TestFraction = 0.25 }, seed: 4);

        Assert.Equal(30, a.Train.Count);
        Assert.Equal(10, a.Test.Count);
        var ids = Enumerable.Range(0, 10).Select(i => Row(a.Test, i)[0]).ToArray();
        Assert.Equal(ids, Enumerable.Range(0, 10).Select(i => Row(b.Test, i)[0]));
        for (var i = 0; i < a.Test.Count; i++) Assert.Equal((int)ids[i] % 2, a.Test.Labels[i]);
    }

    [Fact]
    public void Loading_twice_returns_the_same_instance_and_another_seed_another()
    {
        var path = Write("data.svm", Enumerable.Range(0, 10).Select(i => $"{i % 2} 1:{i}").ToArray());
        var section = new TestSection("libsvm", path);

        var first = Load(section, seed: 1);

        Assert.Same(first, Load(section, seed: 1));
        Assert.NotSame(first, Load(section, seed: 2));
    }

    [Theory]
    [InlineData("abc 1:2", "label 'abc'")]
    [InlineData("nan 1:2", "label 'nan'")]
    [InlineData("1 12", "token '12' is not index:value")]
    [InlineData("1 0:5", "token '0:5': index '0'")]
    [InlineData("1 -2:5", "token '-2:5': index '-2'")]
    [InlineData("1 x:5", "token 'x:5': index 'x'")]
    [InlineData("1 1.5:5", "token '1.5:5': index '1.5'")]
    [InlineData("1 3:abc", "token '3:abc': value 'abc'")]
    [InlineData("1 3:", "token '3:': value ''")]
    [InlineData("1 3:inf", "token '3:inf': value 'inf'")]
    [InlineData("1 2:1 2:3", "token '2:3': index 2 appears twice")]
    public void A_bad_line_names_file_line_and_token(string badLine, string expected)
    {
        var path = Write("bad.svm", "# header comment", "1 1:1", badLine);

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("libsvm", path)));

        Assert.Contains($"{path}:3:", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_bad_line_in_the_test_file_names_the_test_file()
    {
        var train = Write("train.svm", "1 1:1", "0 1:2");
        var test = Write("test.svm", "1 1:oops");

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("libsvm", train) { TestPath = test }));

        Assert.Contains($"{test}:1: token '1:oops'", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n\n")]
    public void A_file_without_samples_is_rejected_naming_it(string content)
    {
        var path = _dir.Combine("empty.svm");
        File.WriteAllText(path, content);

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("libsvm", path)));

        Assert.Contains($"{path}: empty", e.Message);
    }

    [Fact]
    public void Labels_without_any_features_are_rejected()
    {
        var path = Write("labels.svm", "1", "0");

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("libsvm", path)));

        Assert.Contains($"{path}: no features", e.Message);
    }

    [Fact]
    public void An_index_too_large_to_hold_densely_names_the_line()
    {
        var path = Write("huge.svm", "1 1:1", "0 2000000000:1");

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("libsvm", path)));

        Assert.Contains($"{path}:2: index 2000000000", e.Message);
    }

    [Fact]
    public void A_missing_file_is_a_dataset_not_found_error_and_no_path_an_argument_error()
    {
        var missing = _dir.Combine("missing.svm");

        var notFound = Assert.Throws<DatasetNotFoundException>(() => Load(new TestSection("libsvm", missing)));
        var noPath = Assert.Throws<ArgumentException>(() => Load(new TestSection("libsvm", null)));

        Assert.Contains(missing, notFound.Message);
        Assert.Contains("dataset.path", noPath.Message);
    }
}
