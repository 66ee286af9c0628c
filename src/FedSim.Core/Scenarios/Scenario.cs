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

public sealed record DatasetSection(string Name, string? Path)
{
    /// <summary>Test file or directory for file-based datasets (csv, libsvm); without it a seeded fraction of the training file is held out.</summary>
    public string? TestPath { get; init; }

    /// <summary>Held-out fraction when no test file is given.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>CSV: the label column (0-based; -1 = last).</summary>
    public int LabelColumn { get; init; } = -1;

    /// <summary>CSV: a column of writer / user ids for the natural partition (-1 = none).</summary>
    public int GroupColumn { get; init; } = -1;

    /// <summary>FCUBE: number of generated points.</summary>
    public int Samples { get; init; } = 4000;
}

public sealed record PartitionSection(string Strategy, int Parties, double Beta, int MinSize)
{
    /// <summary>label-k: classes per party (NIID-Bench #C=k).</summary>
    public int ClassesPerParty { get; init; } = 2;

    /// <summary>feature-noise: the last party's Gaussian noise standard deviation (party i gets sigma * i / (n - 1)).</summary>
    public double NoiseSigma { get; init; } = 0.1;
}

public sealed record TrainingSection(int LocalEpochs, int BatchSize, double Lr, double Momentum, double WeightDecay);

public sealed record FederationSection(string Algorithm, int Rounds, double Fraction, int MinParties, double RoundTimeoutSeconds)
{
    /// <summary>FedProx proximal term weight.</summary>
    public double Mu { get; init; } = 0.01;

    /// <summary>Seconds of silence (no heartbeat, download or upload) after which a party node is marked gone.</summary>
    public double NodeTimeoutSeconds { get; init; } = 20;
}

public sealed record DeploymentSection(string Mode, int PartyProcesses, int Workers);
