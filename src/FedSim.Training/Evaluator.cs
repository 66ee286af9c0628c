using FedSim.Core.Metrics;
using FedSim.Core.Weights;
using FedSim.Data;
using static TorchSharp.torch;

namespace FedSim.Training;

/// <summary>
/// Evaluates weights on a test set without gradients: accuracy, mean cross-entropy, macro precision/recall/F1.
/// The test set is cut into <paramref name="parallelism"/> shards evaluated at once, each on its own model instance.
/// </summary>
public sealed class Evaluator(IDataset test, ModelPool models, int parallelism = 0, int batchSize = 500)
{
    public EvaluationResult Evaluate(ModelWeights weights)
    {
        var shards = Math.Clamp(parallelism > 0 ? parallelism : Environment.ProcessorCount, 1, Math.Max(1, test.Count / batchSize));
        var predicted = new int[test.Count];
        var lossSums = new double[shards];
        Parallel.For(0, shards, new ParallelOptions { MaxDegreeOfParallelism = shards }, shard =>
        {
            int from = (int)((long)test.Count * shard / shards), to = (int)((long)test.Count * (shard + 1) / shards);
            lossSums[shard] = EvaluateRange(weights, from, to, predicted);
        });
        var truth = test.Labels.ToArray();
        var confusion = ClassificationMetrics.Confusion(truth, predicted, test.Classes);
        return new EvaluationResult(ClassificationMetrics.FromConfusion(confusion), lossSums.Sum() / test.Count, confusion);
    }

    private double EvaluateRange(ModelWeights weights, int from, int to, int[] predicted)
    {
        var model = models.Rent();
        try
        {
            TorchWeights.Load(model, weights);
            model.eval();
            using var noGrad = no_grad();
            var reader = new BatchReader(test, Math.Min(batchSize, to - from));
            var indices = Enumerable.Range(from, to - from).ToArray();
            double lossSum = 0;
            for (var start = 0; start < indices.Length; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var batch = indices.AsSpan(start, Math.Min(batchSize, indices.Length - start));
                var (x, y) = reader.Read(batch);
                var logits = model.forward(x);
                lossSum += nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.Sum).item<float>();
                using var argmax = logits.argmax(1).to_type(ScalarType.Int32);
                TorchWeights.CopyInts(argmax, predicted.AsSpan(from + start, batch.Length));
            }
            return lossSum;
        }
        finally
        {
            models.Return(model);
        }
    }
}
