using FedSim.Core.Components;

namespace FedSim.Core.Scenarios;

/// <summary>
/// A validated scenario: everything one run needs to know. Its keys, defaults, bounds and help are the attributes
/// below and the registered components' options; the loader, the writer and the JSON Schema all read them from here.
/// </summary>
public sealed record Scenario
{
    [Option("run name, used in the run folder name")]
    public string Name { get; init; } = "fedsim-run";

    [Option("seed for partitioning, sampling, initialisation and shuffling", Min = 0)]
    public int Seed { get; init; }

    [Section("the training and test data")]
    public DatasetSection Dataset { get; init; } = new();

    [Section("how the training data is split over parties")]
    public PartitionSection Partition { get; init; } = new();

    [Choice(ComponentKind.Model, "model architecture", Layout = ChoiceLayout.Inline)]
    public ComponentChoice Model { get; init; } = new("simple-cnn", new NoOptions());

    [Section("local training on each party")]
    public TrainingSection Training { get; init; } = new();

    [Section("the federated algorithm and its rounds")]
    public FederationSection Federation { get; init; } = new();

    [Section("how tensors are encoded on the wire, each way")]
    public CompressionSection Compression { get; init; } = new();

    [Section("simulated devices and networks, stragglers and dropout (a simulated clock: nothing sleeps)")]
    public SystemSection System { get; init; } = new();

    [Section("what a run's summary reports beyond its metrics")]
    public ReportSection Report { get; init; } = new();

    [Section("where parties run")]
    public DeploymentSection Deployment { get; init; } = new();

    /// <summary>Parties sampled each round: <c>max(1, floor(parties * fraction))</c>, as NIID-Bench.</summary>
    public int PartiesPerRound => Math.Max(1, (int)Math.Floor(Partition.Parties * Federation.Fraction + 1e-9));
}
