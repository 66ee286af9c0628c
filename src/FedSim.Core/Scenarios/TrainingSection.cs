using FedSim.Core.Components;

namespace FedSim.Core.Scenarios;

/// <summary>The <c>training</c> section: each party's local SGD.</summary>
public sealed record TrainingSection
{
    [Option("local epochs per round", Min = 1, Max = 10_000)]
    public int LocalEpochs { get; init; } = 1;

    [Option("mini-batch size", Min = 1, Max = 1_000_000)]
    public int BatchSize { get; init; } = 64;

    [Option("SGD learning rate", Min = 0, MinExclusive = true, Max = 100)]
    public double Lr { get; init; } = 0.01;

    [Option("SGD momentum", Min = 0, Max = 1, MaxExclusive = true)]
    public double Momentum { get; init; } = 0.9;

    [Option("SGD weight decay (L2)", Min = 0)]
    public double WeightDecay { get; init; } = 1e-5;
}
