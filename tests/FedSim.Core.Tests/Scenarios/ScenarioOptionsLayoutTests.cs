using FedSim.Core.Algorithms;
using FedSim.Core.Partitioning;
using FedSim.Core.Scenarios;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Scenarios;

/// <summary>Component options under their component's name, the old flat layout, and inline choices.</summary>
public sealed class ScenarioOptionsLayoutTests
{
    private const string Source = "s.yaml";

    private static ScenarioLoad Load(string yaml, params string[] overrides) => TestScenarios.Schema.Load(yaml, Source, overrides);

    private static ScenarioError SingleError(string yaml, params string[] overrides) =>
        Assert.Single(Assert.Throws<ScenarioException>(() => Load(yaml, overrides)).Errors);

    [Fact]
    public void A_file_can_carry_options_for_several_algorithms_and_the_chosen_one_is_used()
    {
        var s = Load("federation:\n  algorithm: fedprox\n  fedprox:\n    mu: 0.1\n  fedavg: {}\n").Scenario;

        Assert.Equal(new FedProxOptions { Mu = 0.1 }, s.Federation.Algorithm.Options);
        Assert.Empty(Load("federation:\n  algorithm: fedprox\n  fedprox:\n    mu: 0.1\n").Notices);
    }

    [Fact]
    public void Options_of_a_component_that_is_not_chosen_are_still_checked()
    {
        var e = SingleError("federation:\n  algorithm: fedavg\n  fedprox:\n    mu: -2\n");

        Assert.Equal("s.yaml:4: federation.fedprox.mu: -2 is out of range (a number >= 0)", e.ToString());
    }

    [Fact]
    public void An_unknown_option_of_a_component_lists_that_component_s_options()
    {
        var e = SingleError("partition:\n  dirichlet:\n    alpha: 0.3\n");

        Assert.Equal("s.yaml:3: partition.dirichlet.alpha: unknown key (known under partition.dirichlet: beta, min_size)", e.ToString());
    }

    [Fact]
    public void A_misspelt_key_gets_a_suggestion()
    {
        var e = SingleError("training:\n  learning_rat: 0.1\n  batchsize: 32\n".Replace("  learning_rat: 0.1\n", ""));

        Assert.Equal("training.batchsize", e.Field);
        Assert.EndsWith("did you mean 'batch_size'?", e.Message);
    }

    [Theory]
    [InlineData("federation:\n  algorithm: fedprox\n  mu: 0.1\n", "federation.mu", 3, "federation.fedprox.mu")]
    [InlineData("partition:\n  strategy: label-k\n  classes_per_party: 3\n", "partition.classes_per_party", 3, "partition.label-k.classes_per_party")]
    [InlineData("partition:\n  beta: 0.1\n", "partition.beta", 2, "partition.dirichlet.beta")]
    [InlineData("dataset:\n  name: csv\n  label_column: 0\n", "dataset.label_column", 3, "dataset.csv.label_column")]
    public void An_option_in_the_old_flat_layout_is_used_and_noted_once_with_its_new_key(string yaml, string old, int line, string now)
    {
        var load = Load(yaml);

        var notice = Assert.Single(load.Notices);
        Assert.Equal($"s.yaml:{line}: {old}: deprecated; write {now}", notice.ToString()[..notice.ToString().IndexOf(" (", StringComparison.Ordinal)]);
        Assert.Equal(load.Scenario, Load(yaml.Replace($"  {old[(old.IndexOf('.') + 1)..]}:", $"  {now.Split('.')[1]}:\n    {old[(old.IndexOf('.') + 1)..]}:")).Scenario);
    }

    [Fact]
    public void The_flat_beta_goes_to_the_chosen_strategy_and_is_a_quantity_skew_for_quantity_dirichlet()
    {
        var s = Load("partition:\n  strategy: quantity-dirichlet\n  beta: 0.2\n").Scenario;

        Assert.Equal(0.2, s.Partition.Strategy.OptionsAs<QuantityDirichletOptions>().Beta);
    }

    [Fact]
    public void A_flat_key_the_chosen_component_lacks_goes_to_every_component_with_it_and_the_notice_names_them()
    {
        var load = Load("partition:\n  strategy: homo\n  beta: 0.2\n");

        Assert.Contains("write partition.dirichlet.beta and partition.quantity-dirichlet.beta", Assert.Single(load.Notices).Message);
        Assert.Equal("homo", load.Scenario.Partition.Strategy.Name);
    }

    [Fact]
    public void The_same_option_in_both_layouts_of_one_file_is_an_error()
    {
        var e = SingleError("federation:\n  algorithm: fedprox\n  fedprox:\n    mu: 0.1\n  mu: 0.2\n");

        Assert.StartsWith("s.yaml:5: federation.mu: given twice: as federation.mu and as federation.fedprox.mu (line 4)", e.ToString());
    }

    [Fact]
    public void An_override_in_either_layout_beats_the_file_in_either_layout()
    {
        Assert.Equal(0.3, Load("federation:\n  algorithm: fedprox\n  fedprox:\n    mu: 0.1\n", "federation.mu=0.3")
            .Scenario.Federation.Algorithm.OptionsAs<FedProxOptions>().Mu);
        Assert.Equal(0.3, Load("federation:\n  algorithm: fedprox\n  mu: 0.1\n", "federation.fedprox.mu=0.3")
            .Scenario.Federation.Algorithm.OptionsAs<FedProxOptions>().Mu);
    }

    [Theory]
    [InlineData("compression:\n  uplink: fp16\n")]
    [InlineData("compression:\n  uplink: {codec: fp16}\n")]
    [InlineData("compression:\n  uplink:\n    codec: fp16\n")]
    public void An_inline_choice_is_a_name_or_a_mapping_with_its_selector(string yaml)
    {
        var s = Load(yaml).Scenario;

        Assert.Equal("fp16", s.Compression.Uplink.Name);
        Assert.Equal("fp32", s.Compression.Downlink.Name);
    }

    [Fact]
    public void An_inline_mapping_without_its_selector_is_refused()
    {
        var e = SingleError("compression:\n  uplink:\n    scheme: symmetric\n");

        Assert.Equal("s.yaml:3: compression.uplink: expected 'codec' naming one of bf16, fp16, fp32, int4, int8, qsgd, sign, topk", e.ToString());
    }

    [Fact]
    public void An_option_a_codec_does_not_take_is_refused()
    {
        var e = SingleError("compression:\n  uplink: {codec: fp16, bits: 8}\n");

        Assert.Equal("s.yaml:2: compression.uplink.bits: unknown key (fp16 takes no options)", e.ToString());
    }

    [Theory]
    [InlineData("compression.uplink=fp16")]
    [InlineData("compression.uplink.codec=fp16")]
    public void An_inline_choice_can_be_overridden_by_name_or_by_its_selector(string assignment)
    {
        Assert.Equal("fp16", Load("compression:\n  uplink: fp32\n", assignment).Scenario.Compression.Uplink.Name);
        Assert.Equal("fp16", Load("name: x\n", assignment).Scenario.Compression.Uplink.Name);
    }

    [Fact]
    public void Overrides_reach_options_nested_in_an_inline_choice()
    {
        var s = Load("compression:\n  uplink: topk\n", "compression.uplink.then=int8", "compression.uplink.then.scheme=asymmetric", "compression.uplink.fraction=0.1").Scenario;

        var topk = s.Compression.Uplink.OptionsAs<FedSim.Core.Codecs.TopKOptions>();
        Assert.Equal(0.1, topk.Fraction);
        Assert.Equal("int8", topk.Then.Name);
        Assert.Equal(FedSim.Core.Codecs.QuantizationScheme.Asymmetric, topk.Then.OptionsAs<FedSim.Core.Codecs.LinearQuantizationOptions>().Scheme);
    }

    [Fact]
    public void An_unknown_option_under_a_nested_inline_choice_is_refused()
    {
        var e = SingleError("compression:\n  uplink: topk\n", "compression.uplink.then.nope=1");

        Assert.Equal("--set", e.Source);
        Assert.Equal("compression.uplink.then.nope", e.Field);
    }

    [Theory]
    [InlineData("report:\n  accuracy_targets: [0.6, 0.85]\n")]
    [InlineData("report:\n  accuracy_targets:\n    - 0.6\n    - 0.85\n")]
    public void A_number_list_reads_from_a_yaml_list_and_round_trips(string yaml)
    {
        var s = Load(yaml).Scenario;

        Assert.Equal(new FedSim.Core.Components.NumberList(0.6, 0.85), s.Report.AccuracyTargets);
        Assert.Equal(s, Load(TestScenarios.Schema.ToYaml(s)).Scenario);
        Assert.Equal(new FedSim.Core.Components.NumberList(0.9), Load(yaml, "report.accuracy_targets=[0.9]").Scenario.Report.AccuracyTargets);
        Assert.Equal(new FedSim.Core.Components.NumberList(0.5, 0.9), Load("name: x\n", "report.accuracy_targets=0.5,0.9").Scenario.Report.AccuracyTargets);
    }

    [Theory]
    [InlineData("report:\n  accuracy_targets: [0.5, 1.5]\n", "s.yaml:2: report.accuracy_targets: 1.5 is out of range (a list of numbers >= 0 and <= 1)")]
    [InlineData("report:\n  accuracy_targets: [0.5, high]\n", "s.yaml:2: report.accuracy_targets: expected a number, got 'high' (item 2 of the list)")]
    [InlineData("report:\n  accuracy_targets: []\n", "s.yaml:2: report.accuracy_targets: must not be empty (a list of numbers >= 0 and <= 1)")]
    [InlineData("report:\n  accuracy_targets: [[0.5]]\n", "s.yaml:2: report.accuracy_targets: expected a single value (a list of numbers >= 0 and <= 1)")]
    public void A_bad_number_list_names_the_key_and_the_value(string yaml, string expected)
    {
        Assert.Equal(expected, SingleError(yaml).ToString());
    }

    [Fact]
    public void The_model_is_an_inline_choice()
    {
        Assert.Equal("mlp", Load("model: mlp\n").Scenario.Model.Name);
        Assert.Equal("mlp", Load("model: {name: mlp}\n").Scenario.Model.Name);
        Assert.Equal("mlp", Load("model: simple-cnn\n", "model=mlp").Scenario.Model.Name);
    }
}
