using FedSim.Core.Algorithms;
using FedSim.Core.Components;
using FedSim.Core.Partitioning;
using FedSim.Core.Scenarios;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Scenarios;

public sealed class ScenarioWriterTests
{
    private static Scenario Defaults => TestScenarios.Parse("seed: 0\n", "defaults");

    private static string ToYaml(Scenario s) => TestScenarios.Schema.ToYaml(s);

    private static Scenario RoundTrip(Scenario s) => TestScenarios.Parse(ToYaml(s), "written.yaml");

    private static Scenario NonDefault => new()
    {
        Name = "my run: #1 \"quoted\" \\ back",
        Seed = 123456,
        Dataset = new DatasetSection { Component = new("mnist", new NoOptions()), Path = "/data sets/mnist: raw" },
        Partition = new PartitionSection { Strategy = new("quantity-dirichlet", new QuantityDirichletOptions { Beta = 0.1 + 0.2, MinSize = 0 }), Parties = 37 },
        Model = new("mlp", new NoOptions()),
        Training = new TrainingSection { LocalEpochs = 3, BatchSize = 17, Lr = 1e-4, Momentum = 0, WeightDecay = 0.000123456789 },
        Federation = new FederationSection
        {
            Algorithm = new("fedprox", new FedProxOptions { Mu = 0.5 }),
            Rounds = 250,
            Fraction = 0.3,
            MinParties = 11,
            RoundTimeoutSeconds = 12.5,
            NodeTimeoutSeconds = 3,
        },
        Compression = new CompressionSection { Uplink = new("fp16", new NoOptions()) },
        Deployment = new DeploymentSection { Mode = "processes", PartyProcesses = 4, Workers = 1024 },
    };

    [Fact]
    public void Defaults_round_trip()
    {
        Assert.Equal(Defaults, RoundTrip(Defaults));
    }

    [Fact]
    public void A_scenario_with_every_value_changed_round_trips()
    {
        var s = NonDefault;

        Assert.Equal(s, RoundTrip(s));
    }

    [Fact]
    public void Doubles_are_written_with_full_precision()
    {
        // 0.1 + 0.2 = 0.30000000000000004, which a short format would print as 0.3.
        var s = Defaults with { Partition = Defaults.Partition with { Strategy = new("dirichlet", new DirichletOptions { Beta = 0.1 + 0.2 }) } };

        Assert.Equal(0.1 + 0.2, RoundTrip(s).Partition.Strategy.OptionsAs<DirichletOptions>().Beta);
        Assert.NotEqual(0.3, RoundTrip(s).Partition.Strategy.OptionsAs<DirichletOptions>().Beta);
    }

    [Fact]
    public void Writing_is_stable_after_one_round_trip()
    {
        var yaml = ToYaml(NonDefault);

        Assert.Equal(yaml, ToYaml(TestScenarios.Parse(yaml, "w.yaml")));
    }

    [Fact]
    public void Every_schema_key_is_written_even_when_it_holds_its_default_with_the_chosen_components_options()
    {
        var yaml = ToYaml(Defaults);

        Assert.Equal("""
            name: fedsim-run
            seed: 0
            dataset:
              name: fashion-mnist
              path: null
              test_path: null
              test_fraction: 0.2
              validation_fraction: 0
            partition:
              strategy: dirichlet
              dirichlet:
                beta: 0.5
                min_size: 10
              parties: 10
            model: simple-cnn
            training:
              local_epochs: 1
              batch_size: 64
              lr: 0.01
              momentum: 0.9
              weight_decay: 1E-05
            federation:
              algorithm: fedavg
              mode: sync
              rounds: 5
              concurrency: 5
              fraction: 1
              min_parties: 1
              round_timeout_s: 600
              node_timeout_s: 20
            compression:
              uplink: fp32
              downlink: fp32
              downlink_delta: false
            system:
              compute_ms_per_sample: 0
              bandwidth_up_mbps: 0
              bandwidth_down_mbps: 0
              latency_ms: 0
              device_trace: null
              trace_compute_factor: 3
              availability: 1
              availability_trace: null
              deadline_s: null
              over_commit: 1
              dropout: 0
            report:
              accuracy_targets:
              - 0.5
              - 0.7
              - 0.8
            deployment:
              mode: local
              party_processes: 2
              workers: 0

            """.Replace("\r\n", "\n"), yaml);
    }

    [Fact]
    public void Only_the_chosen_component_s_options_are_written()
    {
        var s = TestScenarios.Parse("federation:\n  algorithm: fedprox\n  fedprox:\n    mu: 0.25\n  fednova: {}\n", "in.yaml");

        var yaml = ToYaml(s);

        Assert.Contains("  algorithm: fedprox\n  fedprox:\n    mu: 0.25\n", yaml);
        Assert.DoesNotContain("fednova", yaml);
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("say \"hi\"")]
    [InlineData("back\\slash")]
    [InlineData("123")]
    [InlineData("1.5")]
    [InlineData("true")]
    [InlineData("key: value")]
    [InlineData("#hash")]
    [InlineData("[x]")]
    [InlineData("tab\there")]
    [InlineData("é-ü_1")]
    [InlineData("-x")]
    public void Names_that_need_quoting_round_trip(string name)
    {
        var s = Defaults with { Name = name };

        Assert.Equal(name, RoundTrip(s).Name);
    }

    // "name: -" would be a YAML block sequence entry: the writer must quote it.
    [Fact]
    public void A_name_that_is_a_lone_dash_round_trips()
    {
        var s = TestScenarios.Parse("name: \"-\"\n", "in.yaml");

        Assert.Equal("-", s.Name);
        Assert.Equal(s, RoundTrip(s));
    }

    // A line break in a value must survive the round trip, or the written file no longer says what ran.
    [Fact]
    public void A_name_with_a_line_break_round_trips()
    {
        var s = TestScenarios.Parse("name: \"two\\nlines\"\n", "in.yaml");

        Assert.Equal("two\nlines", s.Name);
        Assert.Equal(s, RoundTrip(s));
    }

    [Fact]
    public void A_dataset_path_round_trips_and_a_missing_one_stays_missing()
    {
        var with = Defaults with { Dataset = Defaults.Dataset with { Path = "C:\\data\\mnist files" } };

        Assert.Equal("C:\\data\\mnist files", RoundTrip(with).Dataset.Path);
        Assert.Null(RoundTrip(Defaults).Dataset.Path);
    }
}
