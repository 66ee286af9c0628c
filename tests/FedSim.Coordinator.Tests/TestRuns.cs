using FedSim.Core.Partitioning;
using FedSim.Core.Scenarios;
using FedSim.Core.Weights;
using FedSim.Protos.Conversion;
using FedSim.Training;

namespace FedSim.Coordinator.Tests;

/// <summary>Scenarios and coordinator states as the tool makes them, for tests that drive the coordinator by hand.</summary>
internal static class TestRuns
{
    public static Scenario Scenario(string yaml) => DefaultCatalog.Schema.Load(yaml, "test").Scenario;

    public static CoordinatorState State(Scenario scenario, PartitionReport partition, TimeProvider? time = null) =>
        new(scenario, DefaultCatalog.Schema.ToYaml(scenario), partition, time ?? TimeProvider.System);

    /// <summary>The resolved text of the liveness tests' scenario (fcube, mlp, the given number of parties).</summary>
    public static string ScenarioYaml(int parties) =>
        DefaultCatalog.Schema.ToYaml(Scenario($"name: l\ndataset:\n  name: fcube\n  fcube:\n    samples: 400\nmodel: mlp\npartition:\n  parties: {parties}\n"));

    /// <summary>A tensor group as a party sends it, in raw float32.</summary>
    public static TensorGroup Group(string name, ModelWeights weights) => new(name, Fp32.Encode(weights, Core.Randomness.Seeds.Generator(0)));

    private static readonly LinkCodec Fp32 = LinkCodec.Of(Scenario("name: codecs\n").Compression.Uplink, "uplink");
}
