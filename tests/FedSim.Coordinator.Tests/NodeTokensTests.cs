namespace FedSim.Coordinator.Tests;

public sealed class NodeTokensTests
{
    private const string Good = "# nodes of the lab\nnode-a  0123456789abcdef0123\n\nnode-b\tfedcba9876543210fedc\n";

    [Fact]
    public void Listed_names_verify_with_their_own_token_only()
    {
        var tokens = NodeTokens.Parse(Good, "tokens.txt");

        Assert.Equal(2, tokens.Count);
        Assert.True(tokens.Verify("node-a", "0123456789abcdef0123"));
        Assert.True(tokens.Verify("node-b", "fedcba9876543210fedc"));
        Assert.False(tokens.Verify("node-a", "fedcba9876543210fedc")); // another node's token
        Assert.False(tokens.Verify("node-a", "0123456789abcdef012"));
        Assert.False(tokens.Verify("node-c", "0123456789abcdef0123"));
        Assert.False(tokens.Verify("node-a", ""));
    }

    [Theory]
    [InlineData("node-a 0123456789abcdef0123 extra\n", "tokens.txt:1: expected 'NODE_NAME TOKEN', found 3 fields")]
    [InlineData("# c\nnode-a short\n", "tokens.txt:2: the token of node 'node-a' has 5 characters; at least 16")]
    [InlineData("node-a 0123456789abcdef0123\nnode-a fedcba9876543210fedc\n", "tokens.txt:2: node 'node-a' is listed twice")]
    [InlineData("# only comments\n\n", "tokens.txt: no 'NODE_NAME TOKEN' line")]
    public void A_bad_token_file_is_refused_naming_the_line(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => NodeTokens.Parse(text, "tokens.txt")).Message);
    }
}
