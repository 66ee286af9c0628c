namespace FedSim.Core.Tests;

public sealed class RangeTextTests
{
    [Fact]
    public void Ranges_and_single_ids_are_expanded()
    {
        Assert.Equal([0, 1, 2, 3, 4, 7], RangeText.Parse("0-4,7"));
    }

    [Fact]
    public void Parsing_keeps_the_listed_order_and_ignores_spaces_and_empty_parts()
    {
        Assert.Equal([9, 10, 0, 2], RangeText.Parse(" 9-10 , 0,,2 "));
    }

    [Fact]
    public void A_one_element_range_is_that_id()
    {
        Assert.Equal([5], RangeText.Parse("5-5"));
    }

    [Theory]
    [InlineData("a-b")]
    [InlineData("3-1")]
    [InlineData("")]
    [InlineData(" , ")]
    [InlineData("1,1")]
    [InlineData("0-3,2")]
    [InlineData("-1")]
    [InlineData("1-")]
    [InlineData("1-2-3")]
    [InlineData("+1")]
    [InlineData("1.5")]
    public void Bad_text_is_a_format_error(string text)
    {
        Assert.Throws<FormatException>(() => RangeText.Parse(text));
    }

    [Fact]
    public void Format_errors_say_what_is_wrong()
    {
        Assert.Contains("range end is before its start", Assert.Throws<FormatException>(() => RangeText.Parse("3-1")).Message);
        Assert.Contains("listed twice", Assert.Throws<FormatException>(() => RangeText.Parse("1,1")).Message);
        Assert.Contains("no party ids", Assert.Throws<FormatException>(() => RangeText.Parse("")).Message);
        Assert.Contains("'a' in 'a-b' is not a party id", Assert.Throws<FormatException>(() => RangeText.Parse("a-b")).Message);
    }

    [Fact]
    public void Formatting_sorts_and_collapses_runs()
    {
        Assert.Equal("0-4,7", RangeText.Format([7, 4, 3, 2, 1, 0]));
        Assert.Equal("1,3,5", RangeText.Format([5, 3, 1]));
        Assert.Equal("2-3,9-11", RangeText.Format([11, 2, 10, 3, 9]));
        Assert.Equal("", RangeText.Format([]));
    }

    [Theory]
    [InlineData("0-4,7")]
    [InlineData("0")]
    [InlineData("1,3,5-6,8-20")]
    public void Format_and_parse_round_trip(string text)
    {
        Assert.Equal(text, RangeText.Format(RangeText.Parse(text)));
    }
}
