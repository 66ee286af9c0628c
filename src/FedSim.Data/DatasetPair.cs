namespace FedSim.Data;

/// <summary>A dataset's training and test splits.</summary>
public sealed record DatasetPair(IDataset Train, IDataset Test);
