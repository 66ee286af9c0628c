using FedSim.Core.Metrics;
using FedSim.Core.Weights;
using FedSim.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSim.Training;

/// <summary>Evaluates weights on a test set without gradients: accuracy, mean cross-entropy, macro precision/recall/F1.</summary>
public sealed class Evaluator(IDataset test, ModelPool models, int batchSize = 1000)
{
    public EvaluationResult Evaluate(ModelWeights weights)
    {
        var model = models.Rent();
        try
        {
            TorchWeights.Load(model, weights);
            model.eval();
            using var noGrad = no_grad();
            var reader = new BatchReader(test, Math.Min(batchSize, test.Count));
            var indices = Enumerable.Range(0, test.Count).ToArray();
            var predicted = new int[test.Count];
            var truth = new int[test.Count];
            double lossSum = 0;
            for (var start = 0; start < indices.Length; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var batch = indices.AsSpan(start, Math.Min(batchSize, indices.Length - start));
                var (x, y) = reader.Read(batch);
                var logits = model.forward(x);
                lossSum += nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.Sum).item<float>();
                var argmax = logits.argmax(1).to_type(ScalarType.Int32);
                TorchWeights.CopyInts(argmax, predicted.AsSpan(start, batch.Length));
                for (var i = 0; i < batch.Length; i++) truth[start + i] = test.Labels[batch[i]];
            }
            var confusion = ClassificationMetrics.Confusion(truth, predicted, test.Classes);
            return new EvaluationResult(ClassificationMetrics.FromConfusion(confusion), lossSum / test.Count, confusion);
        }
        finally
        {
            models.Return(model);
        }
    }
}
