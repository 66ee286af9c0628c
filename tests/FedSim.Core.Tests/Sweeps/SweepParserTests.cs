using FedSim.Core.Scenarios;
using FedSim.Core.Sweeps;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Sweeps;

public sealed class SweepParserTests
{
    private static ScenarioException Fails(string yaml) => Assert.Throws<ScenarioException>(() => SweepParser.Parse(TestScenarios.Schema, yaml, "s.yaml"));

    [Fact]
    public void Aliases_resolve_to_scenario_keys()
    {
        var sweep = SweepParser.Parse(TestScenarios.Schema, """
            base: b.yaml
            axes:
              algorithm: [fedavg]
              partition: [homo]
              beta: [0.5]
              mu: [0.1]
              seed: [0]
              training.lr: [0.1]
            """, "s.yaml");

        Assert.Equal(["federation.algorithm", "partition.strategy", "partition.beta", "federation.mu", "seed", "training.lr"], sweep.Axes.Select(a => a.Path));
        Assert.Equal("s", sweep.Name);
        Assert.Equal("b.yaml", sweep.BasePath);
    }

    [Fact]
    public void Set_accepts_dotted_and_nested_keys_with_their_lines()
    {
        var sweep = SweepParser.Parse(TestScenarios.Schema, """
            name: x
            base: b.yaml
            set:
              federation.rounds: 2
              training:
                lr: 0.1
            axes:
              seed: [0]
            jobs: 3
            """, "s.yaml");

        Assert.Equal([new SweepSetting("federation.rounds", "2", 4), new SweepSetting("training.lr", "0.1", 6)], sweep.Set);
        Assert.Equal(3, sweep.Jobs);
    }

    [Fact]
    public void A_partition_mapping_sets_several_keys_and_carries_its_label()
    {
        var sweep = SweepParser.Parse(TestScenarios.Schema, """
            base: b.yaml
            axes:
              partition:
                - {strategy: label-k, classes_per_party: 2, label: "#C=2"}
            """, "s.yaml");

        var value = Assert.Single(sweep.Axes[0].Values);
        Assert.Equal(["partition.strategy=label-k", "partition.label-k.classes_per_party=2"], value.Settings.Select(s => s.Override));
        Assert.Equal("#C=2", value.Display);
        Assert.Equal("label-k-2", value.Slug);
    }

    [Fact]
    public void An_unknown_axis_key_is_reported_at_its_line()
    {
        var e = Fails("base: b.yaml\naxes:\n  seed: [0]\n  learning_rate: [0.1]\n");

        var error = Assert.Single(e.Errors);
        Assert.StartsWith("s.yaml:4: axes.learning_rate: unknown axis key", error.ToString());
    }

    [Fact]
    public void An_empty_axis_is_an_error()
    {
        var error = Assert.Single(Fails("base: b.yaml\naxes:\n  algorithm: []\n").Errors);

        Assert.Equal("s.yaml:3: axes.algorithm: empty axis: give at least one value", error.ToString());
    }

    [Fact]
    public void A_duplicate_value_names_the_first_one()
    {
        var error = Assert.Single(Fails("base: b.yaml\naxes:\n  seed:\n    - 0\n    - 1\n    - 0\n").Errors);

        Assert.Equal("s.yaml:6: axes.seed: duplicate value '0' (same as line 4)", error.ToString());
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var e = Fails("bse: b.yaml\naxes:\n  foo: [1]\n  partition:\n    - {beta: 0.5}\n  jobs: 1\njobs: 0\n");

        Assert.Contains(e.Errors, x => x.Field == "bse" && x.Line == 1);
        Assert.Contains(e.Errors, x => x.Field == "axes.foo" && x.Line == 3);
        Assert.Contains(e.Errors, x => x.Field == "axes.partition" && x.Message.Contains("must set strategy"));
        Assert.Contains(e.Errors, x => x.Field == "axes.jobs");
        Assert.Contains(e.Errors, x => x.Field == "jobs" && x.Line == 7);
        Assert.Contains(e.Errors, x => x.Field == "base" && x.Line is null);
    }

    [Fact]
    public void Two_axes_for_the_same_key_are_an_error()
    {
        var error = Assert.Single(Fails("base: b.yaml\naxes:\n  beta: [0.1]\n  partition.beta: [0.5]\n").Errors);

        Assert.Equal("s.yaml:4: axes.partition.beta: sets partition.beta, as axis 'beta' on line 3 already does", error.ToString());
    }

    [Fact]
    public void A_mapping_is_not_allowed_for_a_top_level_key()
    {
        var error = Assert.Single(Fails("base: b.yaml\naxes:\n  seed:\n    - {seed: 1}\n").Errors);

        Assert.Contains("takes plain values", error.Message);
    }

    [Theory]
    [InlineData("dirichlet(0.5)", "dirichlet-0.5")]
    [InlineData("#C=2", "C-2")]
    [InlineData("q~Dir(0.5)", "q-Dir-0.5")]
    [InlineData("???", "x")]
    public void Slugs_keep_letters_digits_and_dots(string text, string slug)
    {
        Assert.Equal(slug, SweepParser.Slugify(text));
    }
}
