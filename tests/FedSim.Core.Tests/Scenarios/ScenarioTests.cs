using FedSim.Core.Scenarios;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Scenarios;

public sealed class ScenarioTests
{
    private static Scenario With(int parties, double fraction)
    {
        var d = TestScenarios.Parse("seed: 0\n", "defaults");
        return d with
        {
            Partition = d.Partition with { Parties = parties },
            Federation = d.Federation with { Fraction = fraction },
        };
    }

    // Expected: max(1, floor(parties * fraction)) computed by hand in decimal arithmetic.
    [Theory]
    [InlineData(10, 0.1, 1)]    // floor(1.0) = 1
    [InlineData(10, 0.35, 3)]   // floor(3.5) = 3
    [InlineData(10, 0.3, 3)]    // 10 * 0.3 is 3.0000000000000004 in binary; floor gives 3
    [InlineData(10, 0.7, 7)]    // 10 * 0.7 is 7.000000000000001 in binary; floor gives 7
    [InlineData(10, 0.05, 1)]   // floor(0.5) = 0, raised to the minimum of 1
    [InlineData(10, 1.0, 10)]
    [InlineData(1, 0.5, 1)]
    [InlineData(100, 0.25, 25)]
    [InlineData(7, 0.5, 3)]     // floor(3.5) = 3
    public void Parties_per_round_is_the_floor_of_parties_times_fraction_but_at_least_one(int parties, double fraction, int expected)
    {
        Assert.Equal(expected, With(parties, fraction).PartiesPerRound);
    }

    [Fact]
    public void Scenarios_compare_by_value()
    {
        var a = TestScenarios.Parse("seed: 3\n", "a.yaml");
        var b = TestScenarios.Parse("seed: 3\n", "b.yaml");

        Assert.Equal(a, b);
        Assert.NotEqual(a, a with { Seed = 4 });
    }
}
