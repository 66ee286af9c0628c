using FedSim.Core.Scenarios;
using FedSim.Core.Strategies;

namespace FedSim.Core.Tests.Strategies;

public sealed class StrategyFactoryTests
{
    [Fact]
    public void Every_schema_algorithm_has_a_strategy_with_that_name()
    {
        foreach (var algorithm in ScenarioSchema.Algorithms)
            Assert.Equal(algorithm, StrategyFactory.Create(new FederationSection(algorithm, 1, 1.0, 1, 60)).Name);
    }

    [Fact]
    public void An_unknown_algorithm_is_rejected_with_its_name()
    {
        var e = Assert.Throws<ArgumentException>(() => StrategyFactory.Create(new FederationSection("fedsgd", 1, 1.0, 1, 60)));

        Assert.Contains("federation.algorithm", e.Message);
        Assert.Contains("'fedsgd'", e.Message);
    }
}
