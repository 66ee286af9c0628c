namespace FedSim.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("run", "--help")]
    [InlineData("party", "-h")]
    [InlineData("compare", "scenarios/x.yaml", "--help")]
    public async Task Help_anywhere_prints_the_usage_and_succeeds(params string[] args)
    {
        var (exit, stdout, stderr) = await CliRunner.Run(args);

        Assert.Equal(0, exit);
        Assert.Contains("usage:", stdout);
        Assert.Contains("fedsim party --coordinator URL", stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task No_arguments_print_the_usage_and_fail()
    {
        var (exit, stdout, _) = await CliRunner.Run();

        Assert.Equal(2, exit);
        Assert.Contains("usage:", stdout);
    }
}
