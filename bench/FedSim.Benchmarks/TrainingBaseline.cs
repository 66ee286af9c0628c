using System.Diagnostics;
using FedSim.Core.Partitioning;
using FedSim.Data;
using FedSim.Training;

namespace FedSim.Benchmarks;

/// <summary>
/// The quickstart's pure training: the same parties, epochs and batch order, trained with the same number of workers
/// and libtorch threads, with no coordinator, gRPC, serialization, aggregation or evaluation. Its wall time is the
/// denominator of the platform-overhead figure.
/// </summary>
internal static class TrainingBaseline
{
    public static void Run(string scenarioPath)
    {
        var scenario = DefaultCatalog.Schema.Load(File.ReadAllText(scenarioPath), scenarioPath).Scenario;
        var watch = Stopwatch.StartNew();
        var data = DatasetCatalog.Load(scenario.Dataset, scenario.Seed);
        var partition = PartitionPlanner.Plan(scenario, data.Train.Labels, data.Train.Classes, data.Train.Groups);
        var workers = scenario.Deployment.Workers > 0 ? scenario.Deployment.Workers : Environment.ProcessorCount;
        TorchThreads.ConfigureForWorkers(workers);
        TorchSharp.torch.manual_seed(1);
        using var pool = new ModelPool(scenario.Model, data.Train.SampleShape, data.Train.Classes);
        var m = pool.Rent();
        var initial = TorchWeights.FromModule(m);
        pool.Return(m);
        var trainer = new LocalTrainer(data.Train, pool);
        var settings = scenario.Training;
        var setup = watch.Elapsed.TotalSeconds;
        watch.Restart();
        for (var round = 1; round <= scenario.Federation.Rounds; round++)
            Parallel.ForEach(partition.Parties, new ParallelOptions { MaxDegreeOfParallelism = workers },
                p => trainer.Train(initial, p.DataIdxs, settings, round * 1000 + p.Id));
        Console.WriteLine($"pure training of {scenarioPath}: {scenario.Federation.Rounds} rounds x {partition.Parties.Count} parties, {workers} workers: " +
                          $"{watch.Elapsed.TotalSeconds:F2} s (setup {setup:F2} s)");
    }
}
