namespace FedSim.Core.Scenarios;

/// <summary>A validated scenario: everything one run needs to know.</summary>
public sealed record Scenario(
    string Name,
    int Seed,
    DatasetSection Dataset,
    PartitionSection Partition,
    string Model,
    TrainingSection Training,
    FederationSection Federation,
    DeploymentSection Deployment)
{
    /// <summary>Parties sampled each round: <c>max(1, floor(parties * fraction))</c>, as NIID-Bench.</summary>
    public int PartiesPerRound => Math.Max(1, (int)Math.Floor(Partition.Parties * Federation.Fraction + 1e-9));
}

public sealed record DatasetSection(string Name, string? Path);

public sealed record PartitionSection(string Strategy, int Parties, double Beta, int MinSize);

public sealed record TrainingSection(int LocalEpochs, int BatchSize, double Lr, double Momentum, double WeightDecay);

public sealed record FederationSection(string Algorithm, int Rounds, double Fraction, int MinParties, double RoundTimeoutSeconds);

public sealed record DeploymentSection(string Mode, int PartyProcesses, int Workers);
