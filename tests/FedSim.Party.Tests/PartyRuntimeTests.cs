using FedSim.Core.Algorithms;
using FedSim.Core.Weights;
using FedSim.Training;

namespace FedSim.Party.Tests;

/// <summary>A node's work without any transport: the run's scenario in, trained updates and payloads out.</summary>
public sealed class PartyRuntimeTests
{
    private static PartyRuntime Runtime(string federation, string partition = "  strategy: homo\n  parties: 4\n") =>
        PartyRuntime.Load(DefaultCatalog.Schema.Load(
            "name: r\ntraining:\n  batch_size: 16\n  lr: 0.05\n  momentum: 0\npartition:\n" + partition + "federation:\n" + federation, "r.yaml").Scenario,
            workers: 1);

    private static ModelWeights Initial(PartyRuntime runtime)
    {
        TorchSharp.torch.manual_seed(3);
        using var module = Training.Models.ModelZoo.Create(runtime.Scenario.Model, [1, 28, 28], 10);
        return TorchWeights.FromModule(module);
    }

    private static readonly int[] Data = Enumerable.Range(0, 64).ToArray();

    [Fact]
    public void A_fedavg_task_trains_the_party_s_data_and_returns_no_payload()
    {
        using var runtime = Runtime("  algorithm: fedavg\n");
        var global = Initial(runtime);

        var trained = runtime.Train(new PartyWork(1, 0, Data, Seed: 7, global, PartyInstructions.None));

        Assert.Equal((64L, 4L), (trained.Result.NumExamples, trained.Result.LocalSteps));
        Assert.NotEqual(global[0].Data, trained.Result.Weights[0].Data);
        Assert.Empty(trained.Payloads);
    }

    [Fact]
    public void The_same_task_twice_gives_the_same_update()
    {
        using var runtime = Runtime("  algorithm: fedavg\n");
        var global = Initial(runtime);

        var a = runtime.Train(new PartyWork(1, 0, Data, 7, global, PartyInstructions.None));
        var b = runtime.Train(new PartyWork(1, 0, Data, 7, global, PartyInstructions.None));

        Assert.Equal(a.Result.Weights.Flatten(), b.Result.Weights.Flatten());
    }

    [Fact]
    public void A_scaffold_party_returns_its_control_delta_and_keeps_its_control_variate_for_the_next_round()
    {
        using var runtime = Runtime("  algorithm: scaffold\n");
        var global = Initial(runtime);
        var told = new PartyInstructions { Payloads = new Dictionary<string, ModelWeights> { ["scaffold.c"] = global.ZerosLike() } };

        var first = runtime.Train(new PartyWork(1, 2, Data, 7, global, told));
        var second = runtime.Train(new PartyWork(2, 2, Data, 7, global, told));

        var delta = Assert.Single(first.Payloads);
        Assert.Equal("scaffold.c_delta", delta.Key);
        global.EnsureSameLayout(delta.Value, "delta");
        // The second round starts from the party's own c_i: its correction changes the update.
        Assert.NotEqual(first.Result.Weights.Flatten(), second.Result.Weights.Flatten());
    }

    [Fact]
    public void Feature_noise_reaches_the_parties_the_partitioner_names_and_only_them()
    {
        using var runtime = Runtime("  algorithm: fedavg\n", "  strategy: feature-noise\n  parties: 2\n  feature-noise:\n    noise_sigma: 0.5\n");
        using var clean = Runtime("  algorithm: fedavg\n", "  strategy: homo\n  parties: 2\n");
        var global = Initial(runtime);

        // Party 0 gets sigma * 0 / 1 = no noise, party 1 the full 0.5: the same data and seed train alike only for party 0.
        Assert.Equal(clean.Train(new PartyWork(1, 0, Data, 7, global, PartyInstructions.None)).Result.Weights.Flatten(),
            runtime.Train(new PartyWork(1, 0, Data, 7, global, PartyInstructions.None)).Result.Weights.Flatten());
        Assert.NotEqual(clean.Train(new PartyWork(1, 1, Data, 7, global, PartyInstructions.None)).Result.Weights.Flatten(),
            runtime.Train(new PartyWork(1, 1, Data, 7, global, PartyInstructions.None)).Result.Weights.Flatten());
    }

    [Fact]
    public void A_fedprox_party_trains_differently_from_fedavg_on_the_same_task()
    {
        using var prox = Runtime("  algorithm: fedprox\n  fedprox:\n    mu: 1\n");
        using var avg = Runtime("  algorithm: fedavg\n");
        var global = Initial(prox);

        var p = prox.Train(new PartyWork(1, 0, Data, 7, global, PartyInstructions.None)).Result.Weights.Flatten();
        var a = avg.Train(new PartyWork(1, 0, Data, 7, global, PartyInstructions.None)).Result.Weights.Flatten();

        // The proximal pull keeps the party nearer the global model.
        var g = global.Flatten();
        double Distance(float[] w) => Math.Sqrt(w.Select((v, i) => (double)(v - g[i]) * (v - g[i])).Sum());
        Assert.True(Distance(p) < Distance(a), $"fedprox moved {Distance(p)}, fedavg {Distance(a)}");
    }
}
