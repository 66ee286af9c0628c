using FedSim.Core.Components;
using FedSim.Core.LocalTraining;
using FedSim.Core.Weights;
using FedSim.Training.Hooks;
using FedSim.Training.Models;
using static TorchSharp.torch;

namespace FedSim.Training.Tests;

public sealed class TorchHooksTests
{
    private static readonly ComponentChoice Mlp = new("mlp");

    /// <summary>One SGD step (no momentum, no weight decay) on a fixed batch from <paramref name="start"/>.</summary>
    private static ModelWeights OneStep(ModelWeights start, IReadOnlyList<ILocalHook> hooks, double lr)
    {
        using var model = ModelZoo.Create(Mlp, [1, 4, 4], 3);
        TorchWeights.Load(model, start);
        var named = model.named_parameters().ToArray();
        using var sgd = new Sgd(named.Select(p => p.parameter), lr, 0, 0, TorchHooks.Create(hooks, named.Select(p => (p.name, p.parameter)).ToArray(), lr));
        manual_seed(2);
        using var x = rand(5, 1, 4, 4);
        using var y = tensor(new long[] { 0, 1, 2, 0, 1 });
        sgd.ZeroGrad();
        using (var loss = nn.functional.cross_entropy(model.forward(x), y)) loss.backward();
        sgd.Step();
        return TorchWeights.FromModule(model);
    }

    private static ModelWeights Start()
    {
        manual_seed(1);
        using var model = ModelZoo.Create(Mlp, [1, 4, 4], 3);
        return TorchWeights.FromModule(model);
    }

    private static ModelWeights Filled(ModelWeights like, float value) =>
        new(like.Tensors.Select(t => new NamedTensor(t.Name, t.Shape, Enumerable.Repeat(value, t.Length).ToArray())));

    [Fact]
    public void A_step_correction_moves_every_weight_by_minus_lr_times_the_correction()
    {
        var start = Start();
        var plain = OneStep(start, [], 0.1);
        var corrected = OneStep(start, [new StepCorrection(Filled(start, 0.5f))], 0.1);
        for (var t = 0; t < start.Count; t++)
            for (var j = 0; j < start[t].Length; j++)
                Assert.Equal(plain[t].Data[j] - 0.1f * 0.5f, corrected[t].Data[j], 5);
    }

    [Fact]
    public void A_proximal_term_adds_mu_times_the_distance_to_the_anchor_to_the_gradient()
    {
        var start = Start();
        var plain = OneStep(start, [], 0.1);
        var prox = OneStep(start, [new ProximalTerm(2.0, Filled(start, 0f))], 0.1);
        // First step: w1 = w0 - lr (g + mu (w0 - 0)) = plain - lr * mu * w0.
        for (var t = 0; t < start.Count; t++)
            for (var j = 0; j < start[t].Length; j++)
                Assert.Equal(plain[t].Data[j] - 0.1f * 2f * start[t].Data[j], prox[t].Data[j], 5);
    }

    [Fact]
    public void Hooks_compose_in_one_step()
    {
        var start = Start();
        var both = OneStep(start, [new ProximalTerm(2.0, Filled(start, 0f)), new StepCorrection(Filled(start, 0.5f))], 0.1);
        var prox = OneStep(start, [new ProximalTerm(2.0, Filled(start, 0f))], 0.1);
        for (var t = 0; t < start.Count; t++)
            for (var j = 0; j < start[t].Length; j++)
                Assert.Equal(prox[t].Data[j] - 0.05f, both[t].Data[j], 5);
    }

    [Fact]
    public void Every_local_hook_kind_in_core_has_an_implementation_here()
    {
        var kinds = typeof(ILocalHook).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(ILocalHook).IsAssignableFrom(t)).ToList();

        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.Contains(k, TorchHooks.Supported));
    }

    [Fact]
    public void An_anchor_that_does_not_match_the_model_is_refused_by_name()
    {
        var wrong = new ModelWeights([new NamedTensor("nope", [1], [0f])]);

        var e = Assert.Throws<InvalidDataException>(() => OneStep(Start(), [new ProximalTerm(1, wrong)], 0.1));

        Assert.Contains("FedProx anchor: no tensor 'fc1.weight'", e.Message);
    }

    [Fact]
    public void Input_noise_changes_training_and_is_reproducible()
    {
        var data = Data.DatasetCatalog.Load("fashion-mnist", null).Train;
        manual_seed(4);
        using var pool = new ModelPool(new ComponentChoice("simple-cnn"), data.SampleShape, data.Classes);
        var m = pool.Rent();
        var initial = TorchWeights.FromModule(m);
        pool.Return(m);
        var trainer = new LocalTrainer(data, pool);
        var idx = Enumerable.Range(0, 200).ToArray();
        var settings = new Core.Scenarios.TrainingSection { LocalEpochs = 1, BatchSize = 50, Lr = 0.05, Momentum = 0, WeightDecay = 0 };
        var clean = trainer.Train(initial, idx, settings, 1, [], []);
        var noisyA = trainer.Train(initial, idx, settings, 1, [], [new GaussianNoise(0.5)]);
        var noisyB = trainer.Train(initial, idx, settings, 1, [], [new GaussianNoise(0.5)]);
        var zero = trainer.Train(initial, idx, settings, 1, [], [new GaussianNoise(0)]);
        Assert.NotEqual(clean.Weights[0].Data, noisyA.Weights[0].Data);
        Assert.Equal(noisyA.Weights[0].Data, noisyB.Weights[0].Data);
        Assert.Equal(clean.Weights[0].Data, zero.Weights[0].Data);
    }
}
