using FedSim.Core.Weights;

namespace FedSim.Training;

/// <summary>A party's trained weights and what it took to get them.</summary>
public sealed record LocalTrainingResult(ModelWeights Weights, long NumExamples, long LocalSteps, double TrainLoss, double TrainSeconds);
