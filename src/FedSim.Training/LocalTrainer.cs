using System.Diagnostics;
using FedSim.Core.Partitioning;
using FedSim.Core.Weights;
using FedSim.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSim.Training;

/// <summary>
/// A party's local training: load the global weights, run <c>local_epochs</c> passes of mini-batch SGD
/// (lr, momentum, weight decay; the last batch may be short) over the party's indices in a seeded order, return the new state.
/// Thread-safe: each call rents its own model instance.
/// </summary>
public sealed class LocalTrainer(IDataset data, ModelPool models)
{
    public LocalTrainingResult Train(ModelWeights global, int[] dataidxs, TrainSettings settings, int seed, CancellationToken ct = default) =>
        Train(global, dataidxs, settings, seed, LocalHooks.None, ct);

    public LocalTrainingResult Train(ModelWeights global, int[] dataidxs, TrainSettings settings, int seed, LocalHooks hooks, CancellationToken ct = default)
    {
        if (dataidxs.Length == 0) throw new InvalidOperationException("party holds no data");
        var watch = Stopwatch.StartNew();
        var model = models.Rent();
        try
        {
            TorchWeights.Load(model, global);
            model.train();
            using var optimizer = new Sgd(model.named_parameters(), settings.Lr, settings.Momentum, settings.WeightDecay, hooks);
            var reader = new BatchReader(data, Math.Min(settings.BatchSize, dataidxs.Length))
            {
                Noise = hooks.InputNoiseStd > 0 ? (hooks.InputNoiseStd, new Random(Core.Randomness.Seeds.Derive(seed, 5))) : null,
            };
            var order = (int[])dataidxs.Clone();
            var rng = new Random(seed);
            long steps = 0;
            double lastEpochLoss = 0;
            for (var epoch = 0; epoch < settings.LocalEpochs; epoch++)
            {
                Shuffle.InPlace(order, rng);
                double lossSum = 0;
                for (var start = 0; start < order.Length; start += settings.BatchSize)
                {
                    ct.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    var batch = order.AsSpan(start, Math.Min(settings.BatchSize, order.Length - start));
                    var (x, y) = reader.Read(batch);
                    optimizer.ZeroGrad();
                    var loss = nn.functional.cross_entropy(model.forward(x), y);
                    loss.backward();
                    optimizer.Step();
                    lossSum += loss.item<float>() * batch.Length;
                    steps++;
                }
                lastEpochLoss = lossSum / order.Length;
            }
            var weights = TorchWeights.FromModule(model);
            return new LocalTrainingResult(weights, dataidxs.Length, steps, lastEpochLoss, watch.Elapsed.TotalSeconds);
        }
        finally
        {
            models.Return(model);
        }
    }
}
