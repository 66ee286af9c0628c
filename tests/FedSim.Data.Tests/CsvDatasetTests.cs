using FedSim.Core.Scenarios;

namespace FedSim.Data.Tests;

public sealed class CsvDatasetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, params string[] lines)
    {
        var path = _dir.Combine(name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    /// <summary>Rows "i, i/2, label" for i = 0..count-1 with label i mod 3.</summary>
    private static string[] NumberedRows(int count) =>
        Enumerable.Range(0, count).Select(i => $"{i},{i / 2.0},{i % 3}").ToArray();

    private static float[] Row(IDataset data, int index)
    {
        var row = new float[data.SampleSize];
        data.CopyInputs([index], row);
        return row;
    }

    private static DatasetPair Load(DatasetSection section, int seed = 0) => DatasetCatalog.Load(section, seed);

    /// <summary>The message of the InvalidDataException that loading the file alone throws.</summary>
    private static string LoadError(string path) =>
        Assert.Throws<InvalidDataException>(() => Load(new TestSection("csv", path))).Message;

    [Fact]
    public void A_test_file_gives_the_test_split_and_rows_keep_file_order()
    {
        var train = Write("train.csv", "1.5,2,0", "-3,4e2,2", "0,0.25,1");
        var test = Write("test.csv", "7,8,1");

        var pair = Load(new TestSection("csv", train) { TestPath = test });

        Assert.Equal("csv/train", pair.Train.Name);
        Assert.Equal("csv/test", pair.Test.Name);
        Assert.Equal(3, pair.Train.Count);
        Assert.Equal(1, pair.Test.Count);
        Assert.Equal([2], pair.Train.SampleShape);
        Assert.Equal(2, pair.Train.SampleSize);
        Assert.Equal([0, 2, 1], pair.Train.Labels);
        Assert.Equal([1], pair.Test.Labels);
        Assert.Equal(3, pair.Train.Classes);
        Assert.Equal(3, pair.Test.Classes);
        Assert.Equal([1.5f, 2f], Row(pair.Train, 0));
        Assert.Equal([-3f, 400f], Row(pair.Train, 1));
        Assert.Equal([7f, 8f], Row(pair.Test, 0));
        Assert.Null(pair.Train.Groups);
    }

    [Fact]
    public void CopyInputs_copies_several_rows_unscaled()
    {
        var train = Write("train.csv", "300.5,-2,0", "1000,0.001,1", "5,6,0");
        var pair = Load(new TestSection("csv", train) { TestPath = Write("test.csv", "1,1,1") });
        var rows = new float[4];

        pair.Train.CopyInputs([2, 0], rows);

        Assert.Equal([5f, 6f, 300.5f, -2f], rows);
    }

    [Fact]
    public void A_header_row_is_detected_and_skipped()
    {
        var train = Write("train.csv", "width,height,class", "1,2,0", "3,4,1");
        var test = Write("test.csv", "width,height,class", "5,6,1");

        var pair = Load(new TestSection("csv", train) { TestPath = test });

        Assert.Equal(2, pair.Train.Count);
        Assert.Equal(1, pair.Test.Count);
        Assert.Equal([1f, 2f], Row(pair.Train, 0));
        Assert.Equal([5f, 6f], Row(pair.Test, 0));
    }

    [Fact]
    public void A_header_whose_only_text_is_the_label_name_is_detected()
    {
        var train = Write("train.csv", "1,2,label", "3,4,1", "5,6,0");

        var pair = Load(new TestSection("csv", train) { TestPath = Write("test.csv", "1,1,1") });

        Assert.Equal(2, pair.Train.Count);
        Assert.Equal([1, 0], pair.Train.Labels);
    }

    [Fact]
    public void The_label_column_can_be_the_first()
    {
        var train = Write("train.csv", "label,a,b", "2,10,11", "0,12,13");

        var pair = Load(new TestSection("csv", train) { TestPath = Write("test.csv", "1,14,15"), LabelColumn = 0 });

        Assert.Equal([2, 0], pair.Train.Labels);
        Assert.Equal([1], pair.Test.Labels);
        Assert.Equal([10f, 11f], Row(pair.Train, 0));
        Assert.Equal([14f, 15f], Row(pair.Test, 0));
    }

    [Fact]
    public void The_label_column_can_be_in_the_middle()
    {
        var train = Write("train.csv", "10,1,11", "12,0,13");

        var pair = Load(new TestSection("csv", train) { TestPath = Write("test.csv", "14,1,15"), LabelColumn = 1 });

        Assert.Equal([1, 0], pair.Train.Labels);
        Assert.Equal([12f, 13f], Row(pair.Train, 1));
    }

    [Fact]
    public void String_labels_map_to_class_ids_in_sorted_order_without_a_header()
    {
        var train = Write("train.csv", "5.1,3.5,setosa", "7.0,3.2,versicolor", "6.3,3.3,virginica", "4.9,3.0,setosa");

        var pair = Load(new TestSection("csv", train) { TestPath = Write("test.csv", "6.0,2.2,virginica") });

        Assert.Equal(4, pair.Train.Count);
        Assert.Equal([0, 1, 2, 0], pair.Train.Labels);
        Assert.Equal([2], pair.Test.Labels);
        Assert.Equal(3, pair.Train.Classes);
        Assert.Equal([5.1f, 3.5f], Row(pair.Train, 0));
    }

    [Fact]
    public void String_labels_with_a_header_and_quotes()
    {
        var train = Write("train.csv", "\"species\",\"x\"", "\"dog\",1", "\"cat\",2", "\"bird\",3");

        var pair = Load(new TestSection("csv", train) { TestPath = Write("test.csv", "cat,4"), LabelColumn = 0 });

        Assert.Equal([2, 1, 0], pair.Train.Labels);
        Assert.Equal([1], pair.Test.Labels);
        Assert.Equal([3f], Row(pair.Train, 2));
    }

    [Fact]
    public void A_quoted_field_may_hold_commas()
    {
        var train = Write("train.csv", "\"1,5\",2,0", "\"1,5\",3,1", "\"7\",\"4\",0");

        var pair = Load(new TestSection("csv", train) { TestPath = Write("test.csv", "\"7\",5,1"), GroupColumn = 0 });

        Assert.Equal([0, 0, 1], pair.Train.Groups);
        Assert.Equal([1], pair.Test.Groups);
        Assert.Equal([0, 1, 0], pair.Train.Labels);
        Assert.Equal([3f], Row(pair.Train, 1));
        Assert.Equal([4f], Row(pair.Train, 2));
    }

    [Fact]
    public void A_quoted_header_name_may_hold_a_comma()
    {
        var train = Write("train.csv", "\"width, cm\",\"height\",class", "1,2,0", "3,4,1");

        var pair = Load(new TestSection("csv", train) { TestPath = Write("test.csv", "5,6,1") });

        Assert.Equal(2, pair.Train.Count);
        Assert.Equal([2], pair.Train.SampleShape);
        Assert.Equal([1f, 2f], Row(pair.Train, 0));
    }

    [Fact]
    public void Doubled_quotes_in_a_quoted_field_keep_the_field_whole()
    {
        var train = Write("train.csv", "1,\"say \"\"hi\"\", then go\"", "2,plain", "3,\"say \"\"hi\"\", then go\"");

        var pair = Load(new TestSection("csv", train) { TestPath = Write("test.csv", "4, \"say \"\"hi\"\", then go\" ") });

        Assert.Equal(2, pair.Train.Classes);
        Assert.Equal([1, 0, 1], pair.Train.Labels);
        Assert.Equal([1], pair.Test.Labels);
    }

    [Fact]
    public void A_doubled_quote_is_read_as_one_quote()
    {
        var path = Write("bad.csv", "1,2,0", "\"3\"\"x\",4,1");

        Assert.Contains($"{path}:2: column 1: '3\"x' is not a number", LoadError(path));
    }

    [Fact]
    public void CRLF_line_ends_and_a_quoted_line_break_keep_line_numbers_right()
    {
        var path = _dir.Combine("crlf.csv");
        File.WriteAllText(path, "x,label\r\n1,\"two\r\nlines\"\r\n2,other\r\n3,x\r\nfour,other\r\n");

        Assert.Contains($"{path}:6: column 1: 'four' is not a number", LoadError(path));
    }

    [Fact]
    public void CRLF_line_ends_are_read_like_LF()
    {
        var path = _dir.Combine("crlf.csv");
        File.WriteAllText(path, "\"a\",\"b\",label\r\n1,2,0\r\n3,4,1\r\n");

        var pair = Load(new TestSection("csv", path) { TestPath = Write("test.csv", "5,6,1") });

        Assert.Equal([0, 1], pair.Train.Labels);
        Assert.Equal([3f, 4f], Row(pair.Train, 1));
    }

    [Theory]
    [InlineData("3,\"4,1\n5,6,0\n", "column 2: a quote that is never closed")]
    [InlineData("3,4\"x,1\n5,6,0\n", "column 2: a quote inside an unquoted field")]
    [InlineData("3,\"4\"x,1\n5,6,0\n", "column 2: text after the closing quote")]
    [InlineData("3,4,\"1\n", "column 3: a quote that is never closed")]
    public void A_malformed_quote_names_file_line_and_column(string rest, string problem)
    {
        var path = _dir.Combine("quote.csv");
        File.WriteAllText(path, "a,b,label\n1,2,0\n" + rest);

        Assert.Contains($"{path}:3: {problem}", LoadError(path));
    }

    [Fact]
    public void String_labels_seen_only_in_the_test_file_still_get_a_class()
    {
        var train = Write("train.csv", "1,b", "2,c");

        var pair = Load(new TestSection("csv", train) { TestPath = Write("test.csv", "3,a") });

        Assert.Equal(3, pair.Train.Classes);
        Assert.Equal([1, 2], pair.Train.Labels);
        Assert.Equal([0], pair.Test.Labels);
    }

    [Fact]
    public void Integer_labels_are_class_ids_so_classes_is_the_largest_plus_one()
    {
        var train = Write("train.csv", "1,4", "2,1");

        var pair = Load(new TestSection("csv", train) { TestPath = Write("test.csv", "3,6") });

        Assert.Equal([4, 1], pair.Train.Labels);
        Assert.Equal(7, pair.Train.Classes);
        Assert.Equal(7, pair.Test.Classes);
    }

    [Fact]
    public void String_group_ids_become_0_to_G_minus_1_in_first_seen_order_across_train_then_test()
    {
        var train = Write("train.csv", "user,x,y,label", "alice,1,2,0", "bob,3,4,1", "alice,5,6,1", "carol,7,8,0");
        var test = Write("test.csv", "dave,9,9,1", "bob,1,1,0");

        var pair = Load(new TestSection("csv", train) { TestPath = test, GroupColumn = 0 });

        Assert.Equal([0, 1, 0, 2], pair.Train.Groups);
        Assert.Equal([3, 1], pair.Test.Groups);
        Assert.Equal([2], pair.Train.SampleShape);
        Assert.Equal([3f, 4f], Row(pair.Train, 1));
        Assert.Equal([0, 1, 1, 0], pair.Train.Labels);
    }

    [Fact]
    public void Integer_group_ids_are_renumbered_in_first_seen_order()
    {
        var train = Write("train.csv", "1,17,0", "2,3,1", "3,17,1", "4,250,0");

        var pair = Load(new TestSection("csv", train) { TestPath = Write("test.csv", "5,3,0"), GroupColumn = 1 });

        Assert.Equal([0, 1, 0, 2], pair.Train.Groups);
        Assert.Equal([1], pair.Test.Groups);
        Assert.Equal([1], pair.Train.SampleShape);
    }

    [Theory]
    [InlineData(10, 0.2, 2)]
    [InlineData(100, 0.25, 25)]
    [InlineData(7, 0.2, 1)]
    [InlineData(3, 0.01, 1)]
    [InlineData(3, 0.99, 2)]
    public void Without_a_test_file_round_count_times_fraction_rows_are_held_out(int rows, double fraction, int expectedTest)
    {
        var path = Write("data.csv", NumberedRows(rows));

        var pair = Load(new TestSection("csv", path) { TestFraction = fraction });

        Assert.Equal(expectedTest, pair.Test.Count);
        Assert.Equal(rows - expectedTest, pair.Train.Count);
    }

    [Fact]
    public void The_held_out_split_is_a_partition_of_the_rows_with_labels_kept_with_their_features()
    {
        var path = Write("data.csv", NumberedRows(50));

        var pair = Load(new TestSection("csv", path), seed: 3);

        var ids = new List<int>();
        foreach (var data in new[] { pair.Train, pair.Test })
            for (var i = 0; i < data.Count; i++)
            {
                var row = Row(data, i);
                var id = (int)row[0];
                Assert.Equal(id / 2f, row[1]);
                Assert.Equal(id % 3, data.Labels[i]);
                ids.Add(id);
            }
        Assert.Equal(Enumerable.Range(0, 50), ids.Order());
        Assert.Equal(3, pair.Test.Classes);
    }

    private static int[] TestIds(DatasetPair pair) =>
        Enumerable.Range(0, pair.Test.Count).Select(i => (int)Row(pair.Test, i)[0]).ToArray();

    [Fact]
    public void The_held_out_split_depends_only_on_the_seed()
    {
        var path = Write("data.csv", NumberedRows(100));
        var copy = Write("copy.csv", NumberedRows(100));

        var first = TestIds(Load(new TestSection("csv", path), seed: 5));
        var again = TestIds(Load(new TestSection("csv", copy), seed: 5));
        var other = TestIds(Load(new TestSection("csv", path), seed: 6));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(first.Order(), first);
    }

    [Fact]
    public void Groups_survive_the_held_out_split()
    {
        var path = Write("data.csv", Enumerable.Range(0, 20).Select(i => $"{i},w{i % 4},{i % 2}").ToArray());

        var pair = Load(new TestSection("csv", path) { GroupColumn = 1 }, seed: 1);

        foreach (var data in new[] { pair.Train, pair.Test })
            for (var i = 0; i < data.Count; i++)
                Assert.Equal((int)Row(data, i)[0] % 4, data.Groups![i]);
    }

    [Fact]
    public void Blank_lines_and_a_byte_order_mark_are_ignored()
    {
        var path = _dir.Combine("bom.csv");
        File.WriteAllText(path, "\uFEFFa,b\r\n1,0\r\n\r\n2,1\r\n   \r\n", new System.Text.UTF8Encoding(true));

        var pair = Load(new TestSection("csv", path) { TestPath = Write("test.csv", "3,0") });

        Assert.Equal(2, pair.Train.Count);
        Assert.Equal([0, 1], pair.Train.Labels);
    }

    [Fact]
    public void A_non_numeric_feature_names_file_line_column_and_value()
    {
        var path = Write("bad.csv", "a,b,label", "1,2,0", "", "3,oops,1");

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("csv", path)));

        Assert.Contains($"{path}:4:", e.Message);
        Assert.Contains("column 2", e.Message);
        Assert.Contains("'oops'", e.Message);
    }

    [Fact]
    public void An_empty_feature_cell_is_not_a_number()
    {
        var path = Write("bad.csv", "1,2,0", ",2,1");

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("csv", path)));

        Assert.Contains($"{path}:2: column 1: '' is not a number", e.Message);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e300")]
    public void A_non_finite_feature_is_rejected_with_its_value(string value)
    {
        var path = Write("bad.csv", "1,2,0", $"3,{value},1");

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("csv", path)));

        Assert.Contains($"{path}:2: column 2: '{value}'", e.Message);
    }

    [Fact]
    public void A_non_numeric_feature_in_the_test_file_names_the_test_file()
    {
        var train = Write("train.csv", "1,2,0", "3,4,1");
        var test = Write("test.csv", "x,y,label", "5,6,0", "7,eight,1");

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("csv", train) { TestPath = test }));

        Assert.Contains($"{test}:3: column 2: 'eight'", e.Message);
    }

    [Fact]
    public void Ragged_rows_name_file_line_and_the_column_counts()
    {
        var path = Write("ragged.csv", "1,2,0", "3,4,1", "5,6,7,1");

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("csv", path)));

        Assert.Contains($"{path}:3:", e.Message);
        Assert.Contains("4 columns, expected 3", e.Message);
    }

    [Fact]
    public void A_header_with_a_different_column_count_is_ragged_too()
    {
        var path = Write("ragged.csv", "a,b", "3,4,1");

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("csv", path)));

        Assert.Contains($"{path}:2: 3 columns, expected 2", e.Message);
    }

    [Fact]
    public void A_test_file_with_another_column_count_names_the_test_file_and_line()
    {
        var train = Write("train.csv", "1,2,0", "3,4,1");
        var test = Write("test.csv", "1,2,3,0");

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("csv", train) { TestPath = test }));

        Assert.Contains($"{test}:1: 4 columns, expected 3", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public void An_empty_file_is_rejected_naming_it(string content)
    {
        var path = _dir.Combine("empty.csv");
        File.WriteAllText(path, content);

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("csv", path)));

        Assert.Contains(path, e.Message);
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void A_file_with_only_a_header_has_no_data_rows()
    {
        var path = Write("header.csv", "a,b,label");

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("csv", path)));

        Assert.Contains($"{path}: no data rows", e.Message);
    }

    [Fact]
    public void A_negative_integer_label_names_file_line_and_value()
    {
        var path = Write("neg.csv", "1,0", "2,-1");

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("csv", path)));

        Assert.Contains($"{path}:2: column 2: label -1", e.Message);
    }

    [Fact]
    public void An_empty_string_label_names_file_and_line()
    {
        var path = Write("nolabel.csv", "1,cat", "2,");

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("csv", path)));

        Assert.Contains($"{path}:2: column 2: empty label", e.Message);
    }

    [Fact]
    public void A_file_with_only_a_label_column_has_no_features()
    {
        var path = Write("labels.csv", "0", "1");

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("csv", path)));

        Assert.Contains($"{path}: no feature columns", e.Message);
    }

    [Theory]
    [InlineData(3, -1)]
    [InlineData(-2, -1)]
    [InlineData(-1, 5)]
    [InlineData(1, 1)]
    public void Label_or_group_columns_outside_the_file_or_clashing_are_argument_errors(int label, int group)
    {
        var path = Write("data.csv", "1,2,0", "3,4,1");

        var e = Assert.Throws<ArgumentException>(() =>
            Load(new TestSection("csv", path) { LabelColumn = label, GroupColumn = group }));

        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Without_a_path_the_error_says_dataset_path_is_needed()
    {
        var e = Assert.Throws<ArgumentException>(() => Load(new TestSection("csv", null)));

        Assert.Contains("dataset.path", e.Message);
    }

    [Fact]
    public void A_missing_file_is_a_dataset_not_found_error_naming_it()
    {
        var path = _dir.Combine("missing.csv");

        var e = Assert.Throws<DatasetNotFoundException>(() => Load(new TestSection("csv", path)));

        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Too_few_rows_to_hold_out_a_test_set_is_an_error_naming_the_file()
    {
        var path = Write("one.csv", "1,2,0");

        var e = Assert.Throws<InvalidDataException>(() => Load(new TestSection("csv", path)));

        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void A_gzipped_file_is_read_too()
    {
        var path = _dir.Combine("data.csv.gz");
        File.WriteAllBytes(path, IdxWriter.Gzip(System.Text.Encoding.UTF8.GetBytes("a,label\n1,0\n2,1\n3,0\n")));

        var pair = Load(new TestSection("csv", path) { TestFraction = 0.3 });

        Assert.Equal(3, pair.Train.Count + pair.Test.Count);
    }

    [Fact]
    public void Loading_the_same_settings_twice_returns_the_same_instance()
    {
        var path = Write("data.csv", NumberedRows(20));

        var first = Load(new TestSection("csv", path), seed: 1);
        var second = Load(new TestSection("csv", Path.Combine(_dir.Path, ".", "data.csv")), seed: 1);

        Assert.Same(first, second);
    }

    [Fact]
    public void Seed_fraction_and_columns_each_give_their_own_instance()
    {
        var path = Write("data.csv", NumberedRows(20));
        var baseline = new TestSection("csv", path);

        var first = Load(baseline, seed: 1);

        Assert.NotSame(first, Load(baseline, seed: 2));
        Assert.NotSame(first, Load(baseline with { TestFraction = 0.3 }, seed: 1));
        Assert.NotSame(first, Load(baseline with { LabelColumn = 1 }, seed: 1));
        Assert.NotSame(first, Load(baseline with { GroupColumn = 1 }, seed: 1));
    }

    [Fact]
    public void With_a_test_file_the_seed_and_fraction_do_not_matter()
    {
        var section = new TestSection("csv", Write("train.csv", "1,0", "2,1")) { TestPath = Write("test.csv", "3,0") };

        Assert.Same(Load(section, seed: 1), Load(section with { TestFraction = 0.5 }, seed: 9));
    }

    [Fact]
    public void A_failed_load_is_not_cached_so_a_repaired_file_loads()
    {
        var path = Write("data.csv", "1,0", "x,1", "3,0");
        Assert.Throws<InvalidDataException>(() => Load(new TestSection("csv", path)));

        Write("data.csv", "1,0", "2,1", "3,0");

        var pair = Load(new TestSection("csv", path));
        Assert.Equal(3, pair.Train.Count + pair.Test.Count);
    }
}
