using FedSim.Core.Scenarios;

namespace FedSim.Core.Tests.Scenarios;

public sealed class ScenarioErrorTests
{
    [Fact]
    public void An_error_with_a_line_reads_file_line_field_message()
    {
        Assert.Equal("a.yaml:12: partition.beta: too small", new ScenarioError("a.yaml", 12, "partition.beta", "too small").ToString());
    }

    [Fact]
    public void An_error_without_a_line_leaves_the_line_out()
    {
        Assert.Equal("--set: seed: bad", new ScenarioError("--set", null, "seed", "bad").ToString());
    }

    [Fact]
    public void The_exception_message_lists_every_error_on_its_own_line()
    {
        var ex = new ScenarioException([new ScenarioError("a.yaml", 1, "seed", "x"), new ScenarioError("--set", null, "name", "y")]);

        Assert.Equal("a.yaml:1: seed: x" + Environment.NewLine + "--set: name: y", ex.Message);
        Assert.Equal(2, ex.Errors.Count);
    }
}
