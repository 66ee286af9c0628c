using FedSim.Core.Metrics;
using FedSim.Core.Weights;

namespace FedSim.Coordinator;

/// <summary>Evaluates a global model on the held-out test set (implemented where the model code lives).</summary>
public interface IGlobalEvaluator
{
    (ClassificationMetrics Metrics, double Loss) Evaluate(ModelWeights weights);
}
