using FedSim.Core.Components;
using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;
using FedSim.Core.Systems;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Systems;

public sealed class DistributionTests
{
    private static double[] Draws(string yaml, int n = 20_000)
    {
        var choice = TestScenarios.Schema.Load($"system:\n  latency_ms: {yaml}\n", "s.yaml").Scenario.System.LatencyMs;
        var rng = Seeds.Generator(7);
        var d = choice.Resolve<IDistributionComponent>();
        return Enumerable.Range(0, n).Select(_ => d.Sample(choice.Options, rng)).ToArray();
    }

    private static double Median(double[] values) => values.Order().ElementAt(values.Length / 2);

    [Fact]
    public void A_bare_number_is_a_constant()
    {
        Assert.All(Draws("30", 10), v => Assert.Equal(30.0, v));
        Assert.All(Draws("{dist: constant, value: 2.5}", 10), v => Assert.Equal(2.5, v));
    }

    [Fact]
    public void Lognormal_has_its_median_and_the_log_spread_of_its_sigma()
    {
        var values = Draws("{dist: lognormal, median: 20, sigma: 0.5}");

        Assert.InRange(Median(values), 19.5, 20.5);
        var logs = values.Select(v => Math.Log(v)).ToArray();
        var mean = logs.Average();
        Assert.InRange(Math.Sqrt(logs.Sum(l => (l - mean) * (l - mean)) / logs.Length), 0.49, 0.51);
        Assert.All(values, v => Assert.True(v > 0));
    }

    [Fact]
    public void Uniform_stays_in_its_range_and_fills_it()
    {
        var values = Draws("{dist: uniform, low: 10, high: 30}");

        Assert.All(values, v => Assert.InRange(v, 10, 30));
        Assert.InRange(values.Average(), 19.8, 20.2);
        Assert.True(values.Min() < 10.1 && values.Max() > 29.9);
    }

    [Fact]
    public void Normal_has_its_mean_and_std_and_nothing_below_its_floor()
    {
        var wide = Draws("{dist: normal, mean: 50, std: 5}");
        Assert.InRange(wide.Average(), 49.9, 50.1);
        Assert.InRange(Math.Sqrt(wide.Sum(v => (v - 50) * (v - 50)) / wide.Length), 4.9, 5.1);

        var floored = Draws("{dist: normal, mean: 1, std: 5, floor: 0.5}");
        Assert.Equal(0.5, floored.Min());
        Assert.Contains(floored, v => v > 5);
    }

    [Fact]
    public void Uniform_with_high_below_low_is_refused_at_its_key()
    {
        var e = Assert.Single(Assert.Throws<ScenarioException>(() =>
            TestScenarios.Schema.Load("system:\n  latency_ms: {dist: uniform, low: 5, high: 1}\n", "s.yaml")).Errors);

        Assert.Equal("s.yaml:2: system.latency_ms.high: 1 is below low = 5", e.ToString());
    }

    [Theory]
    [InlineData("{dist: uniform, low: 0, high: 10}")]
    [InlineData("{dist: normal, mean: 10, std: 2}")]
    public void A_bandwidth_distribution_that_can_draw_zero_is_refused(string value)
    {
        var e = Assert.Single(Assert.Throws<ScenarioException>(() =>
            TestScenarios.Schema.Load($"system:\n  bandwidth_up_mbps: {value}\n", "s.yaml")).Errors);

        Assert.Equal("system.bandwidth_up_mbps", e.Field);
        Assert.Contains("positive low or floor", e.Message);
    }

    [Fact]
    public void An_unknown_distribution_is_named_with_the_known_ones()
    {
        var e = Assert.Single(Assert.Throws<ScenarioException>(() =>
            TestScenarios.Schema.Load("system:\n  latency_ms: {dist: gamma, k: 2}\n", "s.yaml")).Errors);

        Assert.Equal("s.yaml:2: system.latency_ms.dist: 'gamma' is not one of constant, lognormal, normal, uniform", e.ToString());
    }

    [Fact]
    public void The_resolved_scenario_writes_a_constant_as_a_bare_number_and_a_distribution_as_a_mapping()
    {
        var schema = TestScenarios.Schema;
        var s = schema.Load("system:\n  latency_ms: 30\n  compute_ms_per_sample: {dist: lognormal, median: 2, sigma: 0.25}\n", "s.yaml").Scenario;

        var yaml = schema.ToYaml(s);

        Assert.Contains("latency_ms: 30", yaml);
        Assert.Equal(s, schema.Load(yaml, "resolved.yaml").Scenario);
        Assert.Equal(new LogNormalOptions { Median = 2, Sigma = 0.25 }, s.System.ComputeMsPerSample.Options);
    }

    [Fact]
    public void Fedsim_list_knows_the_distributions()
    {
        Assert.Equal(["constant", "lognormal", "normal", "uniform"], FedSim.Training.DefaultCatalog.Instance.Distributions.Names.Order());
        Assert.Equal(ComponentKind.Distribution, ComponentKinds.Parse("distributions"));
    }
}
