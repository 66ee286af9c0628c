namespace FedSim.Benchmarks;

internal static class BenchApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "train":
                TrainingThroughput.Run(Arg(args, 1, 6000), Arg(args, 2, 5), Arg(args, 3, 1));
                return 0;
            case "centralised":
                TrainingThroughput.Centralised(Arg(args, 1, 0), Arg(args, 2, 64), double.Parse(args.Length > 3 ? args[3] : "0.01", System.Globalization.CultureInfo.InvariantCulture));
                return 0;
            case "baseline":
                TrainingBaseline.Run(args.Length > 1 ? args[1] : "scenarios/quickstart.yaml");
                return 0;
            case "transfer":
                await TransferThroughput.Run(Arg(args, 1, 100), Arg(args, 2, 5), Arg(args, 3, 0) != 0);
                return 0;
            case "aggregate":
                AggregationRate.Run(Arg(args, 1, 100), Arg(args, 2, 15));
                return 0;
            case "init":
                using (var m = FedSim.Training.Models.ModelZoo.Create(new FedSim.Core.Components.ComponentChoice("simple-cnn"), [1, 28, 28], 10))
                    foreach (var t in FedSim.Training.TorchWeights.FromModule(m).Tensors)
                        Console.WriteLine($"{t.Name} {t.ShapeText} min {t.Data.Min():F4} max {t.Data.Max():F4} std {Math.Sqrt(t.Data.Select(v => (double)v * v).Average()):F4}");
                return 0;
            default:
                Console.Error.WriteLine("""
                    usage: fedsim-bench train [SAMPLES REPEATS THREADS]   LocalTrainer vs a plain TorchSharp loop
                           fedsim-bench baseline [SCENARIO]                pure training time of a scenario's rounds
                           fedsim-bench transfer [MEGABYTES REPEATS SCAFFOLD]  loopback gRPC transfer of a large update
                                                           (SCAFFOLD 1: the upload also carries a control delta)
                           fedsim-bench centralised [SEED BATCH LR]        one centralised epoch, test accuracy
                           fedsim-bench aggregate [UPDATES REPEATS]        one round's aggregation vs plain weighted sums
                           fedsim-bench init                               simple-cnn initial weight ranges
                    """);
                return 2;
        }
    }

    private static int Arg(string[] args, int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
