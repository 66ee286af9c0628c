using FedSim.Data;

namespace FedSim.Training.Tests;

public sealed class EvaluatorTests
{
    [Fact]
    public void Sharded_evaluation_equals_a_single_pass_and_counts_every_sample()
    {
        var test = DatasetCatalog.Load("fashion-mnist", null).Test;
        TorchSharp.torch.manual_seed(3);
        using var pool = new ModelPool(new Core.Components.ComponentChoice("simple-cnn"), test.SampleShape, test.Classes);
        var m = pool.Rent();
        var weights = TorchWeights.FromModule(m);
        pool.Return(m);

        var one = new Evaluator(test, pool, parallelism: 1, batchSize: 1000).Evaluate(weights);
        var four = new Evaluator(test, pool, parallelism: 4, batchSize: 300).Evaluate(weights);

        Assert.Equal(test.Count, one.Metrics.Samples);
        Assert.Equal(one.Metrics.Accuracy, four.Metrics.Accuracy);
        Assert.Equal(one.Confusion, four.Confusion);
        Assert.Equal(one.Loss, four.Loss, 4);
        // An untrained 10-class model: loss near ln(10).
        Assert.InRange(one.Loss, 2.0, 2.6);
    }
}
