using FedSim.Coordinator;
using FedSim.Core.Metrics;
using FedSim.Core.Weights;
using FedSim.Training;

namespace FedSim.Cli;

/// <summary>The coordinator's evaluation, done with the TorchSharp model on the test split.</summary>
internal sealed class TorchGlobalEvaluator(Evaluator evaluator) : IGlobalEvaluator
{
    public (ClassificationMetrics Metrics, double Loss) Evaluate(ModelWeights weights)
    {
        var result = evaluator.Evaluate(weights);
        return (result.Metrics, result.Loss);
    }
}
