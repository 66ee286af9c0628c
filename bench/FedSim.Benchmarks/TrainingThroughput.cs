using System.Diagnostics;
using FedSim.Data;
using FedSim.Training;
using FedSim.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSim.Benchmarks;

/// <summary>
/// FedSim's LocalTrainer versus a plain TorchSharp loop doing the same steps (same model, same seeded batch order,
/// same batch size, same threads), on the same party-sized slice of Fashion-MNIST.
/// </summary>
internal static class TrainingThroughput
{
    public static void Run(int samples, int repeats, int threads)
    {
        var data = DatasetCatalog.Load("fashion-mnist", null).Train;
        torch.set_num_threads(threads);
        var idx = Enumerable.Range(0, samples).ToArray();
        torch.manual_seed(1);
        using var pool = new ModelPool(new FedSim.Core.Components.ComponentChoice("simple-cnn"), data.SampleShape, data.Classes);
        var initModel = pool.Rent();
        var initial = TorchWeights.FromModule(initModel);
        pool.Return(initModel);
        var trainer = new LocalTrainer(data, pool);
        var settings = new FedSim.Core.Scenarios.TrainingSection { LocalEpochs = 1, BatchSize = 64, Lr = 0.01, Momentum = 0.9, WeightDecay = 1e-5 };

        // A plain loop: the whole slice converted to one float tensor up front, batches by index_select.
        using var all = tensor(Enumerable.Range(0, samples).SelectMany(i => { var buf = new float[data.SampleSize]; data.CopyInputs([i], buf); return buf; }).ToArray(),
            [samples, 1, 28, 28]);
        using var labels = tensor(idx.Select(i => (long)data.Labels[i]).ToArray(), [samples]);

        trainer.Train(initial, idx, settings, 7); // warm-up
        Plain(initial, all, labels, samples, settings, 7);
        var fedsim = new List<double>();
        var plain = new List<double>();
        for (var r = 0; r < repeats; r++)
        {
            var w = Stopwatch.StartNew();
            trainer.Train(initial, idx, settings, 7 + r);
            fedsim.Add(samples / w.Elapsed.TotalSeconds);
            w.Restart();
            Plain(initial, all, labels, samples, settings, 7 + r);
            plain.Add(samples / w.Elapsed.TotalSeconds);
        }
        var f = Median(fedsim);
        var p = Median(plain);
        Console.WriteLine($"training throughput, {samples} samples, batch 64, {threads} libtorch thread(s), median of {repeats}:");
        Console.WriteLine($"  fedsim LocalTrainer  {f,9:F0} samples/s");
        Console.WriteLine($"  plain TorchSharp     {p,9:F0} samples/s");
        Console.WriteLine($"  ratio                {f / p,9:F3}");
    }

    /// <summary>One centralised epoch with the plain loop, evaluated on the test set: a sanity anchor for accuracy.</summary>
    public static void Centralised(int seed, int batch, double lr)
    {
        var pair = DatasetCatalog.Load("fashion-mnist", null);
        var data = pair.Train;
        var n = data.Count;
        var buf = new float[n * data.SampleSize];
        data.CopyInputs(Enumerable.Range(0, n).ToArray(), buf);
        using var all = tensor(buf, [n, 1, 28, 28]);
        using var labels = tensor(data.Labels.Select(l => (long)l).ToArray(), [n]);
        torch.manual_seed(seed);
        using var m0 = ModelZoo.Create(new FedSim.Core.Components.ComponentChoice("simple-cnn"), [1, 28, 28], 10);
        var initial = TorchWeights.FromModule(m0);
        var trained = Plain(initial, all, labels, n, new FedSim.Core.Scenarios.TrainingSection { LocalEpochs = 1, BatchSize = batch, Lr = lr, Momentum = 0.9, WeightDecay = 1e-5 }, seed);
        using var pool = new ModelPool(new FedSim.Core.Components.ComponentChoice("simple-cnn"), data.SampleShape, 10);
        var result = new Evaluator(pair.Test, pool).Evaluate(trained);
        Console.WriteLine($"plain centralised epoch seed {seed} batch {batch} lr {lr}: accuracy {result.Metrics.Accuracy:F4} loss {result.Loss:F4}");
    }

    private static FedSim.Core.Weights.ModelWeights Plain(FedSim.Core.Weights.ModelWeights initial, Tensor all, Tensor labels, int samples, FedSim.Core.Scenarios.TrainingSection s, int seed)
    {
        using var model = ModelZoo.Create(new FedSim.Core.Components.ComponentChoice("simple-cnn"), [1, 28, 28], 10);
        TorchWeights.Load(model, initial);
        model.train();
        using var opt = optim.SGD(model.parameters(), s.Lr, s.Momentum, weight_decay: s.WeightDecay);
        var order = Enumerable.Range(0, samples).ToArray();
        FedSim.Core.Partitioning.Shuffle.InPlace(order, FedSim.Core.Randomness.Seeds.Generator(seed));
        for (var start = 0; start < samples; start += s.BatchSize)
        {
            using var scope = NewDisposeScope();
            var n = Math.Min(s.BatchSize, samples - start);
            var ix = tensor(order.AsSpan(start, n).ToArray().Select(i => (long)i).ToArray(), [n]);
            var x = all.index_select(0, ix);
            var y = labels.index_select(0, ix);
            opt.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(x), y);
            loss.backward();
            opt.step();
            _ = loss.item<float>();
        }
        return TorchWeights.FromModule(model);
    }

    internal static double Median(List<double> v)
    {
        var s = v.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
