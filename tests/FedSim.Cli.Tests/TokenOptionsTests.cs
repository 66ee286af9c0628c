namespace FedSim.Cli.Tests;

/// <summary>`fedsim coordinator --tokens` and `fedsim party --token-file`: bad files are bad input, named, before anything starts.</summary>
public sealed class TokenOptionsTests : IDisposable
{
    private readonly TestWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task A_token_file_with_a_weak_token_stops_the_coordinator_with_its_line()
    {
        var scenario = _ws.WriteScenario("s.yaml", SmallScenario.Yaml());
        var tokens = _ws.WriteScenario("tokens.txt", "node-a 0123456789abcdef\nnode-b weak\n");

        var (exit, stdout, stderr) = await CliRunner.Run("coordinator", scenario, "--listen", "http://127.0.0.1:0", "--tokens", tokens);

        Assert.Equal(2, exit);
        Assert.Contains($"--tokens: {tokens}:2: the token of node 'node-b' has 4 characters; at least 16", stderr);
        Assert.DoesNotContain("listening", stdout);
    }

    [Theory]
    [InlineData("missing.txt", "--token-file: Could not find file")]
    [InlineData("empty.txt", "is empty")]
    public async Task A_missing_or_empty_token_file_stops_the_party_node(string file, string message)
    {
        _ws.WriteScenario("empty.txt", "\n");

        var (exit, _, stderr) = await CliRunner.Run("party", "--coordinator", "http://127.0.0.1:1", "--token-file", _ws.Path_(file));

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
    }
}
