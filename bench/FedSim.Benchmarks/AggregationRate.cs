using System.Diagnostics;
using System.Numerics.Tensors;
using FedSim.Coordinator;
using FedSim.Core.Algorithms;
using FedSim.Core.Metrics;
using FedSim.Core.Partitioning;
using FedSim.Core.Weights;
using FedSim.Training;

namespace FedSim.Benchmarks;

/// <summary>
/// How fast one round's updates are aggregated: the coordinator's path (each result completes its task, which folds it
/// into FedAvg's streaming aggregator and the update tracker; then the round is finished), the order-independent
/// weighted sum alone, and two plain in-memory weighted sums over the same arrays (a scalar double loop, and a float
/// SIMD one). Every method ends with the averaged model as floats.
/// </summary>
internal static class AggregationRate
{
    /// <summary>Enough rounds for every method's hot code to reach the JIT's optimised tier (30 calls, then a recompile).</summary>
    private const int WarmUps = 40;

    public static void Run(int updates, int repeats)
    {
        ModelWeights global;
        using (var module = FedSim.Training.Models.ModelZoo.Create(new FedSim.Core.Components.ComponentChoice("simple-cnn"), [1, 28, 28], 10)) global = TorchWeights.FromModule(module);
        var rng = FedSim.Core.Randomness.Seeds.Generator(1);
        var results = Enumerable.Range(0, updates).Select(p => new PartyResult(
            p, rng.Next(1, 1201), LocalSteps: 10, TrainLoss: 0.5, TrainSeconds: 1.0, Perturbed(global, rng))).ToArray();
        var budget = DefaultBudget();
        var elements = global.TotalElements;

        var methods = new (string Name, Func<ModelWeights> Aggregate)[]
        {
            ("fedsim round (tasks + FedAvg + tracker)", () => CoordinatorRound(global, results, budget)),
            ("fedsim WeightedSum alone", () => WeightedSumOnly(global, results)),
            ("plain scalar double loop", () => ScalarLoop(global, results)),
            ("plain float SIMD MultiplyAdd", () => SimdFloat(global, results)),
        };
        var seconds = methods.Select(_ => new List<double>()).ToArray();
        var outputs = new ModelWeights[methods.Length];
        var collections = new int[methods.Length];
        var allocated = new long[methods.Length];
        for (var r = 0; r < WarmUps + repeats; r++)
        {
            for (var m = 0; m < methods.Length; m++)
            {
                // Start every measurement from the same heap state, so one method's garbage is not another's pause.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var gcs = GC.CollectionCount(0);
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                outputs[m] = methods[m].Aggregate();
                var s = watch.Elapsed.TotalSeconds;
                if (r < WarmUps) continue;
                seconds[m].Add(s);
                collections[m] += GC.CollectionCount(0) - gcs;
                allocated[m] += GC.GetAllocatedBytesForCurrentThread() - bytes;
            }
        }

        Console.WriteLine($"aggregation of {updates} simple-cnn updates ({elements:N0} floats each), {repeats} repeats after {WarmUps} warm-ups;");
        Console.WriteLine($"update tracker budget {budget / (1 << 20)} MiB ({(updates * elements * 4 <= budget ? "cosines kept" : "cosines dropped")})");
        Console.WriteLine($"{"method",-42} {"median ms",10} {"min ms",8} {"max ms",8} {"updates/s",11} {"Melem/s",9} {"t/scalar",10} {"t/SIMD",8}");
        var scalar = TrainingThroughput.Median(seconds[2]);
        var simd = TrainingThroughput.Median(seconds[3]);
        for (var m = 0; m < methods.Length; m++)
        {
            var med = TrainingThroughput.Median(seconds[m]);
            Console.WriteLine($"{methods[m].Name,-42} {med * 1e3,10:F2} {seconds[m].Min() * 1e3,8:F2} {seconds[m].Max() * 1e3,8:F2} " +
                $"{updates / med,11:N0} {updates * elements / med / 1e6,9:F0} {med / scalar,10:F2} {med / simd,8:F2}");
        }
        for (var m = 0; m < methods.Length; m++)
            Console.WriteLine($"{methods[m].Name,-42} allocates {allocated[m] / repeats / 1e6:F1} MB per round, {collections[m] / (double)repeats:F1} garbage collections per round");
        Console.WriteLine("runs (ms): " + string.Join("; ", methods.Select((m, i) => $"{m.Name}: {string.Join(" ", seconds[i].Select(s => (s * 1e3).ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}")));
        for (var m = 1; m < methods.Length; m++)
            Console.WriteLine($"max |difference| to the fedsim round, {methods[m].Name}: {MaxDifference(outputs[0], outputs[m]):E2}");
    }

    /// <summary>What the coordinator does with one round's results: each arriving result completes its task (folding it in), then the round finishes.</summary>
    private static ModelWeights CoordinatorRound(ModelWeights global, PartyResult[] results, long budget)
    {
        var aggregation = new RoundAggregation(new WeightedAverage().BeginRound(1, global), new UpdateTracker(global, budget));
        foreach (var r in results)
        {
            var task = new TrainingTask($"t{r.PartyId}", 1, r.PartyId, "n", global, PartyInstructions.None, long.MaxValue, aggregation, TimeProvider.System);
            if (!task.Complete(TaskOutcome.Success(r)) || !task.Outcome.Result.Ok) throw new InvalidOperationException("result refused");
        }
        var (next, stats) = aggregation.Finish([]);
        if (stats.Count != results.Length) throw new InvalidOperationException("missing update figures");
        return next.Global;
    }

    private static ModelWeights WeightedSumOnly(ModelWeights global, PartyResult[] results)
    {
        var sum = new WeightedSum(global);
        foreach (var r in results) sum.Add(r.Weights, r.NumExamples, "update");
        return sum.Mean();
    }

    /// <summary>A simple implementation: one double accumulator per element, <c>acc[j] += w * x[j]</c>, then divide and cast.</summary>
    private static ModelWeights ScalarLoop(ModelWeights global, PartyResult[] results)
    {
        var acc = new double[global.TotalElements];
        double total = 0;
        foreach (var r in results)
        {
            double w = r.NumExamples;
            total += w;
            var offset = 0;
            foreach (var t in r.Weights.Tensors)
            {
                Axpy(w, t.Data, acc.AsSpan(offset, t.Length));
                offset += t.Length;
            }
        }
        var tensors = new NamedTensor[global.Count];
        var start = 0;
        for (var t = 0; t < tensors.Length; t++)
        {
            var data = new float[global[t].Length];
            for (var j = 0; j < data.Length; j++) data[j] = (float)(acc[start + j] / total);
            tensors[t] = new NamedTensor(global[t].Name, global[t].Shape, data);
            start += data.Length;
        }
        return new ModelWeights(tensors);
    }

    private static void Axpy(double w, float[] x, Span<double> acc)
    {
        for (var j = 0; j < x.Length; j++) acc[j] += w * x[j];
    }

    /// <summary>A float SIMD implementation: <c>acc += (n_i / n) * x_i</c> with TensorPrimitives.MultiplyAdd.</summary>
    private static ModelWeights SimdFloat(ModelWeights global, PartyResult[] results)
    {
        var total = (double)results.Sum(r => r.NumExamples);
        var acc = global.Tensors.Select(t => new float[t.Length]).ToArray();
        foreach (var r in results)
        {
            var w = (float)(r.NumExamples / total);
            for (var t = 0; t < acc.Length; t++) TensorPrimitives.MultiplyAdd(r.Weights[t].Span, w, acc[t], acc[t]);
        }
        return new ModelWeights(global.Tensors.Select((t, i) => new NamedTensor(t.Name, t.Shape, acc[i])));
    }

    /// <summary>The global model plus a small random step per element, as a party's trained model would be.</summary>
    private static ModelWeights Perturbed(ModelWeights global, Random rng) =>
        new(global.Tensors.Select(t => new NamedTensor(t.Name, t.Shape, t.Data.Select(v => v + (float)((rng.NextDouble() - 0.5) * 0.02)).ToArray())));

    private static long DefaultBudget()
    {
        var scenario = FedSim.Training.DefaultCatalog.Schema.Load("partition:\n  parties: 1\nfederation:\n  min_parties: 1\n", "bench").Scenario;
        return new CoordinatorState(scenario, "", PartitionReport.Compute("homo", 0, [0], 1, [[0]]), TimeProvider.System).UpdateMemoryBudgetBytes;
    }

    private static double MaxDifference(ModelWeights a, ModelWeights b)
    {
        double max = 0;
        for (var t = 0; t < a.Count; t++)
            for (var j = 0; j < a[t].Length; j++) max = Math.Max(max, Math.Abs(a[t].Data[j] - b[t].Data[j]));
        return max;
    }
}
