using FedSim.Data;

namespace FedSim.Training.Tests;

public sealed class LocalTrainerTests
{
    private static readonly DatasetPair Data = DatasetCatalog.Load("fashion-mnist", null);

    private static (LocalTrainer Trainer, ModelPool Pool, Core.Weights.ModelWeights Initial) Setup()
    {
        TorchSharp.torch.manual_seed(5);
        var pool = new ModelPool(new Core.Components.ComponentChoice("simple-cnn"), Data.Train.SampleShape, Data.Train.Classes);
        var m = pool.Rent();
        var initial = TorchWeights.FromModule(m);
        pool.Return(m);
        return (new LocalTrainer(Data.Train, pool), pool, initial);
    }

    private static readonly Core.Scenarios.TrainingSection Settings = new() { LocalEpochs = 2, BatchSize = 32, Lr = 0.05, Momentum = 0.9, WeightDecay = 1e-5 };

    [Fact]
    public void Training_reports_steps_and_examples_and_lowers_the_loss_on_its_data()
    {
        var (trainer, pool, initial) = Setup();
        using var _ = pool;
        var idx = Enumerable.Range(0, 1000).ToArray();

        var result = trainer.Train(initial, idx, Settings, seed: 1);

        Assert.Equal(1000, result.NumExamples);
        Assert.Equal(2 * 32, result.LocalSteps); // ceil(1000 / 32) = 32 batches per epoch, the last one short
        Assert.True(result.TrainSeconds > 0);
        var evaluator = new Evaluator(new SubsetDataset(Data.Train, idx), pool);
        var before = evaluator.Evaluate(initial).Loss;
        var after = evaluator.Evaluate(result.Weights).Loss;
        // Out of the initial plateau (ln 10 = 2.30): two epochs on 1,000 images take the loss clearly down.
        Assert.True(after < before - 0.1, $"loss {before} -> {after}");
        Assert.True(result.TrainLoss < before, $"train loss {result.TrainLoss} vs initial {before}");
    }

    [Fact]
    public void The_same_seed_gives_identical_weights_and_another_seed_different_ones()
    {
        var (trainer, pool, initial) = Setup();
        using var _ = pool;
        var idx = Enumerable.Range(0, 300).ToArray();

        var a = trainer.Train(initial, idx, Settings with { LocalEpochs = 1 }, seed: 7);
        var b = trainer.Train(initial, idx, Settings with { LocalEpochs = 1 }, seed: 7);
        var c = trainer.Train(initial, idx, Settings with { LocalEpochs = 1 }, seed: 8);

        for (var i = 0; i < a.Weights.Count; i++) Assert.Equal(a.Weights[i].Data, b.Weights[i].Data);
        Assert.NotEqual(a.Weights[0].Data, c.Weights[0].Data);
        Assert.Equal(a.TrainLoss, b.TrainLoss);
    }

    [Fact]
    public void Training_leaves_the_global_weights_untouched()
    {
        var (trainer, pool, initial) = Setup();
        using var _ = pool;
        var copy = initial.Tensors.Select(t => t.Data.ToArray()).ToList();
        trainer.Train(initial, Enumerable.Range(0, 100).ToArray(), Settings with { LocalEpochs = 1 }, seed: 1);
        for (var i = 0; i < copy.Count; i++) Assert.Equal(copy[i], initial[i].Data);
    }

    [Fact]
    public void A_party_without_data_is_an_error()
    {
        var (trainer, pool, initial) = Setup();
        using var _ = pool;
        Assert.Throws<InvalidOperationException>(() => trainer.Train(initial, [], Settings, 1));
    }
}
