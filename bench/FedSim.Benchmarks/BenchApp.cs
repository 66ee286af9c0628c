using System.CommandLine;
using System.CommandLine.Invocation;

namespace FedSim.Benchmarks;

/// <summary>The <c>fedsim-bench</c> command line: one subcommand per benchmark, each with optional positional settings.</summary>
internal static class BenchApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("fedsim-bench: FedSim's micro-benchmarks (see docs/benchmarks.md)") { HelpName = "fedsim-bench" };
        foreach (var command in Commands()) root.Subcommands.Add(command);
        if (args.Length == 0)
        {
            // Like fedsim: without a command, the usage, and a failure.
            await root.Parse(["--help"]).InvokeAsync();
            return 2;
        }
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction errors)
        {
            // System.CommandLine's errors, typo suggestions and help, but exit 2 (bad input) as fedsim does.
            errors.Invoke(parse);
            return 2;
        }
        return await parse.InvokeAsync();
    }

    private static IEnumerable<Command> Commands()
    {
        var samples = Positional("SAMPLES", 6000, "training samples (a party-sized slice of Fashion-MNIST)");
        var repeats = Positional("REPEATS", 5, "timed repeats; the median is reported");
        var threads = Positional("THREADS", 1, "libtorch threads");
        yield return Command("train", "LocalTrainer vs a plain TorchSharp loop", [samples, repeats, threads],
            p => TrainingThroughput.Run(p.GetValue(samples), p.GetValue(repeats), p.GetValue(threads)));

        var scenario = new Argument<string>("SCENARIO") { Description = "the scenario whose rounds to train", DefaultValueFactory = _ => "scenarios/quickstart.yaml" };
        yield return Command("baseline", "pure training time of a scenario's rounds", [scenario], p => TrainingBaseline.Run(p.GetValue(scenario)!));

        var megabytes = Positional("MEGABYTES", 100, "the update's size");
        var transferRepeats = Positional("REPEATS", 5, "timed repeats");
        var scaffold = Positional("SCAFFOLD", 0, "1: the upload also carries a control delta, as a SCAFFOLD party's does");
        var transfer = new Command("transfer", "loopback gRPC transfer of a large update") { megabytes, transferRepeats, scaffold };
        transfer.SetAction(async p =>
        {
            await TransferThroughput.Run(p.GetValue(megabytes), p.GetValue(transferRepeats), p.GetValue(scaffold) != 0);
            return 0;
        });
        yield return transfer;

        var codecMegabytes = Positional("MEGABYTES", 100, "the update's size");
        var codecRepeats = Positional("REPEATS", 5, "timed repeats; the median is reported");
        yield return Command("codecs", "encode and decode throughput of every codec", [codecMegabytes, codecRepeats],
            p => CodecThroughput.Run(p.GetValue(codecMegabytes), p.GetValue(codecRepeats)));

        var seed = Positional("SEED", 0, "the seed of the initial model and the batch order");
        var batch = Positional("BATCH", 64, "the batch size");
        var lr = new Argument<double>("LR") { Description = "the learning rate", DefaultValueFactory = _ => 0.01 };
        yield return Command("centralised", "one centralised epoch, test accuracy", [seed, batch, lr],
            p => TrainingThroughput.Centralised(p.GetValue(seed), p.GetValue(batch), p.GetValue(lr)));

        var updates = Positional("UPDATES", 100, "party updates in the round");
        var aggregateRepeats = Positional("REPEATS", 15, "timed repeats");
        yield return Command("aggregate", "one round's aggregation vs plain weighted sums", [updates, aggregateRepeats],
            p => AggregationRate.Run(p.GetValue(updates), p.GetValue(aggregateRepeats)));

        yield return Command("init", "simple-cnn initial weight ranges", [], _ => InitialWeights());
    }

    private static Argument<int> Positional(string name, int fallback, string description) =>
        new(name) { Description = description, DefaultValueFactory = _ => fallback };

    private static Command Command(string name, string description, Argument[] arguments, Action<ParseResult> run)
    {
        var command = new Command(name, description);
        foreach (var argument in arguments) command.Arguments.Add(argument);
        command.SetAction(p =>
        {
            run(p);
            return 0;
        });
        return command;
    }

    private static void InitialWeights()
    {
        using var m = FedSim.Training.Models.ModelZoo.Create(new FedSim.Core.Components.ComponentChoice("simple-cnn"), [1, 28, 28], 10);
        foreach (var t in FedSim.Training.TorchWeights.FromModule(m).Tensors)
            Console.WriteLine($"{t.Name} {t.ShapeText} min {t.Data.Min():F4} max {t.Data.Max():F4} std {Math.Sqrt(t.Data.Select(v => (double)v * v).Average()):F4}");
    }
}
