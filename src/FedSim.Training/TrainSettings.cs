namespace FedSim.Training;

/// <summary>Local training hyper-parameters for one party in one round.</summary>
public sealed record TrainSettings(int LocalEpochs, int BatchSize, double Lr, double Momentum, double WeightDecay)
{
    /// <summary>Algorithm scalars (e.g. FedProx's mu).</summary>
    public IReadOnlyDictionary<string, double> Params { get; init; } = new Dictionary<string, double>();
}
