using FedSim.Core.Metrics;

namespace FedSim.Training;

/// <summary>A model's figures on a test set.</summary>
public sealed record EvaluationResult(ClassificationMetrics Metrics, double Loss, long[,] Confusion);
