using FedSim.Core.Strategies;
using FedSim.Core.Weights;
using FedSim.Training;
using FedSim.Training.Algorithms;
using static TorchSharp.torch;

namespace FedSim.Training.Tests;

public sealed class AlgorithmHooksTests
{
    /// <summary>One SGD step (no momentum, no weight decay) on a fixed batch from <paramref name="start"/>.</summary>
    private static ModelWeights OneStep(ModelWeights start, LocalHooks hooks, double lr)
    {
        using var model = ModelZoo.Create("mlp", [1, 4, 4], 3);
        TorchWeights.Load(model, start);
        using var sgd = new Sgd(model.named_parameters(), lr, 0, 0, hooks);
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
        using var model = ModelZoo.Create("mlp", [1, 4, 4], 3);
        return TorchWeights.FromModule(model);
    }

    private static ModelWeights Filled(ModelWeights like, float value) =>
        new(like.Tensors.Select(t => new NamedTensor(t.Name, t.Shape, Enumerable.Repeat(value, t.Length).ToArray())));

    [Fact]
    public void The_scaffold_correction_moves_every_weight_by_minus_lr_times_the_correction()
    {
        var start = Start();
        var plain = OneStep(start, LocalHooks.None, 0.1);
        var corrected = OneStep(start, new LocalHooks { StepCorrection = Filled(start, 0.5f) }, 0.1);
        for (var t = 0; t < start.Count; t++)
            for (var j = 0; j < start[t].Length; j++)
                Assert.Equal(plain[t].Data[j] - 0.1f * 0.5f, corrected[t].Data[j], 5);
    }

    [Fact]
    public void The_proximal_term_adds_mu_times_the_distance_to_the_anchor_to_the_gradient()
    {
        var start = Start();
        var anchor = Filled(start, 0f);
        var plain = OneStep(start, LocalHooks.None, 0.1);
        var prox = OneStep(start, new LocalHooks { ProxMu = 2.0, ProxAnchor = anchor }, 0.1);
        // First step: w1 = w0 - lr (g + mu (w0 - 0)) = plain - lr * mu * w0.
        for (var t = 0; t < start.Count; t++)
            for (var j = 0; j < start[t].Length; j++)
                Assert.Equal(plain[t].Data[j] - 0.1f * 2f * start[t].Data[j], prox[t].Data[j], 5);
    }

    [Fact]
    public void Scaffold_parties_keep_their_control_variate_between_rounds()
    {
        var party = new ScaffoldParty();
        var global = Filled(Start(), 1f);
        var serverC = Filled(global, 0.25f);
        var payloads = new Dictionary<string, ModelWeights> { [AlgorithmNames.ScaffoldServerControl] = serverC };

        var hooks = party.Prepare(3, global, new Dictionary<string, double>(), payloads);
        // c_i starts at zero, so the correction is c - 0 = 0.25.
        Assert.All(hooks.StepCorrection![0].Data, v => Assert.Equal(0.25f, v));

        var local = Filled(global, 0.5f);
        var settings = new TrainSettings(1, 8, 0.1, 0, 0);
        var extra = party.Finish(3, global, payloads, new LocalTrainingResult(local, 8, 5, 0, 0), settings);

        // c_i+ = 0 - 0.25 + (1 - 0.5) / (5 * 0.1) = 0.75; delta = 0.75.
        Assert.All(extra[AlgorithmNames.ScaffoldControlDelta][0].Data, v => Assert.Equal(0.75f, v, 5));
        Assert.All(party.ControlOf(3)![0].Data, v => Assert.Equal(0.75f, v, 5));
        // Next round the correction uses the stored c_i: 0.25 - 0.75 = -0.5.
        Assert.All(party.Prepare(3, global, new Dictionary<string, double>(), payloads).StepCorrection![0].Data, v => Assert.Equal(-0.5f, v, 5));
        Assert.Null(party.ControlOf(4));
    }

    [Fact]
    public void A_scaffold_round_that_diverged_keeps_the_old_control_variate()
    {
        var party = new ScaffoldParty();
        var global = Filled(Start(), 1f);
        var payloads = new Dictionary<string, ModelWeights> { [AlgorithmNames.ScaffoldServerControl] = Filled(global, 0.25f) };
        var settings = new TrainSettings(1, 8, 0.1, 0, 0);
        party.Prepare(3, global, new Dictionary<string, double>(), payloads);
        party.Finish(3, global, payloads, new LocalTrainingResult(Filled(global, 0.5f), 8, 5, 0, 0), settings);
        var before = party.ControlOf(3)!;

        var diverged = Filled(global, 0.5f).Tensors.Select((t, i) => i == 0 ? new NamedTensor(t.Name, t.Shape, t.Data.Select((v, j) => j == 0 ? float.NaN : v).ToArray()) : t);
        var extra = party.Finish(3, global, payloads, new LocalTrainingResult(new ModelWeights(diverged), 8, 5, 0, 0), settings);

        // The coordinator rejects this update (its delta is not finite either), so c_i must stay where the server thinks it is.
        Assert.NotNull(extra[AlgorithmNames.ScaffoldControlDelta].FirstNonFinite());
        Assert.Same(before, party.ControlOf(3));
        // The next round's correction is finite again: 0.25 - 0.75.
        Assert.All(party.Prepare(3, global, new Dictionary<string, double>(), payloads).StepCorrection![0].Data, v => Assert.Equal(-0.5f, v, 5));
    }

    [Fact]
    public void Input_noise_changes_training_and_is_reproducible()
    {
        var data = Data.DatasetCatalog.Load("fashion-mnist", null).Train;
        manual_seed(4);
        using var pool = new ModelPool("simple-cnn", data.SampleShape, data.Classes);
        var m = pool.Rent();
        var initial = TorchWeights.FromModule(m);
        pool.Return(m);
        var trainer = new LocalTrainer(data, pool);
        var idx = Enumerable.Range(0, 200).ToArray();
        var settings = new TrainSettings(1, 50, 0.05, 0, 0);
        var clean = trainer.Train(initial, idx, settings, 1, LocalHooks.None);
        var noisyA = trainer.Train(initial, idx, settings, 1, new LocalHooks { InputNoiseStd = 0.5 });
        var noisyB = trainer.Train(initial, idx, settings, 1, new LocalHooks { InputNoiseStd = 0.5 });
        Assert.NotEqual(clean.Weights[0].Data, noisyA.Weights[0].Data);
        Assert.Equal(noisyA.Weights[0].Data, noisyB.Weights[0].Data);
    }
}
