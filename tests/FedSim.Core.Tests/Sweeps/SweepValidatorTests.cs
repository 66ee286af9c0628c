using FedSim.Core.Codecs;
using FedSim.Core.Scenarios;
using FedSim.Core.Sweeps;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Sweeps;

public sealed class SweepValidatorTests
{
    private const string Base = """
        name: base
        seed: 3
        partition:
          strategy: dirichlet
          parties: 10
          beta: 0.5
        federation:
          algorithm: fedavg
          rounds: 5
          min_parties: 5
        """;

    private static IReadOnlyList<ValidatedCell> Validate(string sweepYaml, params string[] commandLine) =>
        SweepValidator.Validate(TestScenarios.Schema, SweepParser.Parse(TestScenarios.Schema, sweepYaml, "s.yaml"), Base, "b.yaml", commandLine).Cells;

    private static ScenarioException Fails(string sweepYaml, params string[] commandLine) =>
        Assert.Throws<ScenarioException>(() => Validate(sweepYaml, commandLine));

    [Fact]
    public void The_grid_is_the_cross_product_with_stable_ids()
    {
        var cells = Validate("""
            base: b.yaml
            axes:
              seed: [0, 1]
              algorithm: [fedavg, fedprox]
              partition: [homo, dirichlet]
              partition.beta: [0.5]
            """);

        Assert.Equal(8, cells.Count);
        Assert.Equal(8, cells.Select(c => c.Cell.Id).Distinct().Count());
        Assert.Equal("fedavg__homo__beta-0.5__seed0", cells[0].Cell.Id);
        Assert.Contains(cells, c => c.Cell.Id == "fedprox__dirichlet__beta-0.5__seed1");
        // The same sweep gives the same ids in the same order.
        Assert.Equal(cells.Select(c => c.Cell.Id), Validate("""
            base: b.yaml
            axes:
              seed: [0, 1]
              algorithm: [fedavg, fedprox]
              partition: [homo, dirichlet]
              partition.beta: [0.5]
            """).Select(c => c.Cell.Id));
    }

    [Fact]
    public void Each_cell_scenario_has_the_base_the_set_and_its_axis_values()
    {
        var cells = Validate("""
            base: b.yaml
            set:
              federation.rounds: 2
            axes:
              algorithm: [fedavg, fedprox]
              mu: [0.1]
            """);

        var prox = cells.Single(c => c.Cell.Id == "fedprox__mu-0.1");
        Assert.Equal("fedprox", prox.Scenario.Federation.Algorithm.Name);
        Assert.Equal(0.1, prox.Scenario.Federation.Algorithm.OptionsAs<FedSim.Core.Algorithms.FedProxOptions>().Mu);
        Assert.Equal(2, prox.Scenario.Federation.Rounds);
        Assert.Equal(10, prox.Scenario.Partition.Parties);
        Assert.Equal(3, prox.Cell.Seed);
        Assert.Equal("fedprox mu=0.1", prox.Cell.Column);
    }

    [Fact]
    public void Command_line_overrides_apply_to_every_cell_after_the_set()
    {
        var cells = Validate("base: b.yaml\nset:\n  federation.rounds: 2\naxes:\n  seed: [0, 1]\n", "federation.rounds=1");

        Assert.All(cells, c => Assert.Equal(1, c.Scenario.Federation.Rounds));
    }

    [Fact]
    public void Row_labels_default_to_the_strategy_and_its_parameter_and_columns_to_the_algorithm()
    {
        var cells = Validate("""
            base: b.yaml
            axes:
              algorithm: [fedavg]
              partition:
                - homo
                - dirichlet
                - {strategy: quantity-dirichlet, beta: 0.1}
                - {strategy: label-k, classes_per_party: 2, label: "#C=2"}
                - {strategy: label-k, classes_per_party: 3}
            """);

        Assert.Equal(["homo", "dirichlet(0.5)", "quantity-dirichlet(0.1)", "#C=2", "label-k(3)"], cells.Select(c => c.Cell.Row));
        Assert.All(cells, c => Assert.Equal("fedavg", c.Cell.Column));
        Assert.Equal("fedavg__quantity-dirichlet-0.1", cells[2].Cell.Id);
    }

    [Fact]
    public void A_beta_axis_shows_in_the_dirichlet_row_label()
    {
        var cells = Validate("base: b.yaml\naxes:\n  partition: [dirichlet]\n  beta: [0.1, 0.5]\n");

        Assert.Equal(["dirichlet(0.1)", "dirichlet(0.5)"], cells.Select(c => c.Cell.Row));
    }

    [Fact]
    public void A_codec_axis_takes_rows_with_the_codec_its_options_and_a_nested_value_codec()
    {
        var cells = Validate("""
            base: b.yaml
            axes:
              compression.uplink:
                - fp16
                - {codec: int8, scheme: asymmetric}
                - {fraction: 0.05, codec: topk, then: {scheme: asymmetric, codec: int8}, label: topk5}
            """);

        Assert.Equal(["uplink-fp16", "uplink-int8-asymmetric", "uplink-topk-0.05-int8-asymmetric"], cells.Select(c => c.Cell.Id));
        Assert.Equal(QuantizationScheme.Asymmetric, cells[1].Scenario.Compression.Uplink.OptionsAs<LinearQuantizationOptions>().Scheme);
        var topk = cells[2].Scenario.Compression.Uplink.OptionsAs<TopKOptions>();
        Assert.Equal((0.05, "int8"), (topk.Fraction, topk.Then.Name));
        Assert.Equal(QuantizationScheme.Asymmetric, topk.Then.OptionsAs<LinearQuantizationOptions>().Scheme);
        Assert.Equal("fedavg compression.uplink=topk5", cells[2].Cell.Column);
    }

    [Fact]
    public void A_codec_row_without_its_codec_or_with_an_unknown_option_is_refused()
    {
        var missing = Assert.Single(Fails("base: b.yaml\naxes:\n  compression.uplink:\n    - {fraction: 0.1}\n").Errors);
        Assert.Contains("must set codec", missing.Message);

        var unknown = Assert.Single(Fails("base: b.yaml\naxes:\n  compression.uplink:\n    - {codec: topk, bitz: 3}\n").Errors);
        Assert.Equal(("s.yaml", 4, "axes.compression.uplink.bitz"), (unknown.Source, unknown.Line, unknown.Field));
    }

    [Fact]
    public void A_bad_value_names_the_sweep_line_the_cell_and_the_field_once()
    {
        var e = Fails("base: b.yaml\naxes:\n  algorithm: [fedavg, fedprox]\n  beta:\n    - 0.5\n    - 0\n");

        var error = Assert.Single(e.Errors);
        Assert.Equal("s.yaml:6: partition.dirichlet.beta: cell fedavg__beta-0 (and 1 more): 0 is out of range (a number > 0)", error.ToString());
    }

    [Fact]
    public void A_cross_field_problem_names_the_cell()
    {
        var e = Fails("base: b.yaml\naxes:\n  partition.parties: [10, 4]\n");

        var error = Assert.Single(e.Errors);
        Assert.Equal("federation.min_parties", error.Field);
        Assert.Contains("cell parties-4:", error.Message);
    }

    [Fact]
    public void An_unknown_algorithm_in_a_mapping_points_at_its_line()
    {
        var e = Fails("base: b.yaml\naxes:\n  algorithm:\n    - fedavg\n    - {algorithm: fedsgd, mu: 0.1}\n");

        var error = Assert.Single(e.Errors);
        Assert.StartsWith("s.yaml:5: federation.algorithm: cell fedsgd-0.1: 'fedsgd' is not one of", error.ToString());
    }

    [Fact]
    public void A_bad_set_value_points_at_the_set_line()
    {
        var error = Assert.Single(Fails("base: b.yaml\nset:\n  federation.rounds: 0\naxes:\n  seed: [0]\n").Errors);

        Assert.StartsWith("s.yaml:3: federation.rounds:", error.ToString());
    }

    [Fact]
    public void A_command_line_override_of_an_axis_is_refused()
    {
        var error = Assert.Single(Fails("base: b.yaml\naxes:\n  seed: [0, 1]\n", "seed=4").Errors);

        Assert.Equal("--set", error.Source);
        Assert.Contains("sweep axis 'seed'", error.Message);
    }

    [Fact]
    public void Two_values_with_the_same_label_are_an_error()
    {
        var e = Fails("base: b.yaml\naxes:\n  partition:\n    - {strategy: label-k, classes_per_party: 1, label: same}\n    - {strategy: homo, label: same}\n");

        Assert.Equal("s.yaml:5: axes.partition: duplicate label 'same' (also on line 4)", Assert.Single(e.Errors).ToString());
    }

    [Fact]
    public void Cells_that_would_share_a_table_cell_are_an_error()
    {
        var e = Fails("base: b.yaml\naxes:\n  partition:\n    - dirichlet\n    - {strategy: dirichlet, beta: 0.5, label: dirichlet(0.5)}\n");

        var error = Assert.Single(e.Errors);
        Assert.Equal("s.yaml: axes: cells dirichlet, dirichlet-0.5 share row 'dirichlet(0.5)', column 'fedavg' and seed 3; give the values distinct labels", error.ToString());
    }
}
