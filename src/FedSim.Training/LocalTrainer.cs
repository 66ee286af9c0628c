using System.Diagnostics;
using FedSim.Core.LocalTraining;
using FedSim.Core.Partitioning;
using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;
using FedSim.Core.Weights;
using FedSim.Data;
using FedSim.Training.Hooks;
using static TorchSharp.torch;

namespace FedSim.Training;

/// <summary>
/// A party's local training: load the global weights, run <c>local_epochs</c> passes of mini-batch SGD
/// (lr, momentum, weight decay; the last batch may be short) over the party's indices in a seeded order, with the
/// algorithm's hooks and the party's input transforms, and return the new state.
/// Thread-safe: each call rents its own model instance.
/// </summary>
public sealed class LocalTrainer(IDataset data, ModelPool models)
{
    public LocalTrainingResult Train(ModelWeights global, int[] dataidxs, TrainingSection settings, int seed, CancellationToken ct = default) =>
        Train(global, dataidxs, settings, seed, [], [], ct);

    /// <summary>
    /// Trains a copy of the global model on the party's samples; <paramref name="hooks"/> are what the algorithm changes
    /// in the optimiser step (<see cref="ILocalHook"/> kinds this trainer applies), <paramref name="transforms"/> what is
    /// done to the party's inputs on every read (e.g. feature noise).
    /// </summary>
    public LocalTrainingResult Train(ModelWeights global, int[] dataidxs, TrainingSection settings, int seed,
        IReadOnlyList<ILocalHook> hooks, IReadOnlyList<InputTransform> transforms, CancellationToken ct = default)
    {
        if (dataidxs.Length == 0) throw new InvalidOperationException("party holds no data");
        var watch = Stopwatch.StartNew();
        var model = models.Rent();
        try
        {
            TorchWeights.Load(model, global);
            model.train();
            var named = model.named_parameters().ToArray();
            using var optimizer = new Sgd(named.Select(p => p.parameter), settings.Lr, settings.Momentum, settings.WeightDecay,
                TorchHooks.Create(hooks, named.Select(p => (p.name, p.parameter)).ToArray(), settings.Lr));
            var reader = new BatchReader(data, Math.Min(settings.BatchSize, dataidxs.Length))
            {
                Transforms = transforms.Count == 0 ? null : (transforms, Seeds.Stream(seed, Seeds.Purpose.InputNoise)),
            };
            var (steps, loss) = Epochs(model, optimizer, reader, dataidxs, settings, seed, ct);
            return new LocalTrainingResult(TorchWeights.FromModule(model), dataidxs.Length, steps, loss, watch.Elapsed.TotalSeconds);
        }
        finally
        {
            models.Return(model);
        }
    }

    /// <summary>Runs the epochs; returns the optimiser steps taken and the last epoch's mean loss.</summary>
    private static (long Steps, double LastEpochLoss) Epochs(nn.Module<Tensor, Tensor> model, Sgd optimizer, BatchReader reader,
        int[] dataidxs, TrainingSection settings, int seed, CancellationToken ct)
    {
        var order = (int[])dataidxs.Clone();
        var rng = Seeds.Generator(seed);
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
        return (steps, lastEpochLoss);
    }
}
