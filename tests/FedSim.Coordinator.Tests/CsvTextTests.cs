namespace FedSim.Coordinator.Tests;

/// <summary>The run files' CSV writer, read back with the CSV library the tests and fedsim compare use.</summary>
public sealed class CsvTextTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "fedsim-csvtext-" + Guid.NewGuid().ToString("N") + ".csv");

    public void Dispose() => File.Delete(_path);

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Text_is_quoted_only_when_it_holds_a_comma_quote_or_line_break(string text, string field)
    {
        Assert.Equal(field, CsvText.Field(text));
    }

    [Fact]
    public void A_table_with_free_text_reads_back_field_for_field()
    {
        const string error = "party 3: update refused, \"w\" has NaN\r\nretry later";
        File.WriteAllText(_path, CsvText.Table(["round", "error", "seconds"], [[1, error, 0.25], [2, "", 1.5]]));

        var rows = Csv.Read(_path);

        Assert.Equal(2, rows.Count);
        Assert.Equal(("1", error, "0.25"), (rows[0]["round"], rows[0]["error"], rows[0]["seconds"]));
        Assert.Equal(("2", "", "1.5"), (rows[1]["round"], rows[1]["error"], rows[1]["seconds"]));
    }
}
