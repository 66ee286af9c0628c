using FedSim.Coordinator;
using FedSim.Core;
using FedSim.Core.Partitioning;
using FedSim.Core.Scenarios;
using FedSim.Data;
using FedSim.Party;
using Microsoft.Extensions.Logging;

namespace FedSim.Cli;

/// <summary>The <c>fedsim</c> commands. Exit codes: 0 success, 1 run failed, 2 bad input, 3 missing data, 130 interrupted.</summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int RunFailed = 1;
    public const int BadInput = 2;
    public const int MissingData = 3;
    public const int Interrupted = 130;

    private const string Usage = """
        fedsim: federated learning simulation

        usage:
          fedsim run SCENARIO [--out DIR] [--set key.path=value ...]
              a whole simulation; deployment.mode local (default) runs coordinator and parties in this
              process over gRPC on 127.0.0.1, processes starts deployment.party_processes party nodes
          fedsim coordinator SCENARIO --listen URL [--out DIR] [--set ...]
              only the coordinator; party nodes connect to it with 'fedsim party'
          fedsim party --coordinator URL [--parties RANGE] [--workers N] [--threads T] [--name NAME] [--health URL]
              a party node hosting parties RANGE (e.g. 0-4 or 0,3,5-7); without it, the coordinator gives a share
              (ceil(parties / deployment.party_processes)); when every party is hosted, the node stands by.
              N parties train at once (default: cores), each with T libtorch threads (default: cores / N);
              --health serves grpc.health.v1 there ("" = alive, fedsim.v1.PartyNode = registered)
          fedsim partition SCENARIO [--out FILE] [--set ...]
              print the party x class table and write partition.json
          fedsim validate SCENARIO [--set ...]
              check a scenario file and print its resolved settings
          fedsim compare SWEEP [--out DIR] [--jobs N] [--set key.path=value ...]
              run every cell of a sweep (a base scenario x axes) as its own run, then write results.csv,
              results.md (partitions x algorithms, mean ± std over seeds) and accuracy.png; reruns skip finished cells
          fedsim export compose|k8s SCENARIO [--out DIR] [--image IMAGE] [--dataset PATH] [--set ...]
                        [k8s: --namespace NS] [--dataset-claim CLAIM]
              write docker compose files (compose.yaml + the resolved scenario.yaml) or Kubernetes manifests
              (fedsim.yaml, results-reader.yaml) for the scenario: deployment.party_processes party nodes, each
              training deployment.workers parties at once (0: one) with one libtorch thread, so one CPU, per worker;
              the dataset is mounted read-only from PATH on the host (default: dataset.path, else
              /usr/share/datasets/NAME) or from a volume claim; default --out deploy/NAME-KIND, --image fedsim
          fedsim health --target HOST:PORT [--service NAME] [--timeout SECONDS]
              ask a coordinator or party node for its grpc.health.v1 status (default timeout 5 s);
              exit 0 when SERVING, 1 otherwise (NOT_SERVING, unreachable, no answer)

        exit codes: 0 success, 1 run failed, 2 bad input, 3 dataset missing, 130 interrupted
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            cts.Cancel();
        });
        try
        {
            return await Dispatch(args, Console.Out, Console.Error, cts.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not bad input: say so and exit 1, rather than let the runtime abort the process (exit 134).
            Console.Error.WriteLine($"fedsim: internal error, please report it with this trace: {e}");
            return RunFailed;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    internal static async Task<int> Dispatch(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? BadInput : Ok;
        }
        var rest = args[1..];
        if (rest.Any(a => a is "-h" or "--help"))
        {
            stdout.WriteLine(Usage);
            return Ok;
        }
        try
        {
            return args[0] switch
            {
                "run" => await Run(rest, stdout, ct),
                "coordinator" => await Coordinator(rest, stdout, ct),
                "party" => await Party(rest, ct),
                "partition" => Partition(rest, stdout),
                "validate" => Validate(rest, stdout),
                "compare" => await Compare(rest, stdout, ct),
                "export" => Export.ExportCommand.Run(rest, stdout),
                "health" => await HealthCommand.RunAsync(rest, stdout, stderr, ct),
                _ => throw new UsageException($"unknown command '{args[0]}' (commands: run, coordinator, party, partition, validate, compare, export, health)"),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"fedsim: {e.Message}");
            stderr.WriteLine("run 'fedsim --help' for usage");
            return BadInput;
        }
        catch (ScenarioException e)
        {
            foreach (var error in e.Errors) stderr.WriteLine(error);
            return BadInput;
        }
        catch (ScenarioDataException e)
        {
            stderr.WriteLine($"fedsim: {e.Message}");
            return BadInput;
        }
        catch (DatasetNotFoundException e)
        {
            stderr.WriteLine($"fedsim: {e.Message}");
            return MissingData;
        }
        catch (InvalidDataException e)
        {
            stderr.WriteLine($"fedsim: {e.Message}");
            return MissingData;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            stderr.WriteLine("fedsim: interrupted");
            return Interrupted;
        }
    }

    private static readonly HashSet<string> NoFlags = [];

    private static async Task<int> Run(string[] args, TextWriter stdout, CancellationToken ct)
    {
        var a = ParsedArgs.Parse(args, new HashSet<string> { "--out", "--set" }, NoFlags);
        var path = a.Single("SCENARIO file");
        var scenario = ScenarioFile.Load(path, a.GetAll("--set"));
        var mode = scenario.Deployment.Mode == "processes" ? Simulation.Parties.ChildProcesses : Simulation.Parties.InProcess;
        return await Simulate(scenario, a.Get("--out"), new Uri("http://127.0.0.1:0"), mode, stdout, ct);
    }

    private static async Task<int> Coordinator(string[] args, TextWriter stdout, CancellationToken ct)
    {
        var a = ParsedArgs.Parse(args, new HashSet<string> { "--out", "--set", "--listen" }, NoFlags);
        var path = a.Single("SCENARIO file");
        var listenText = a.Get("--listen") ?? throw new UsageException("--listen URL is required (e.g. --listen http://0.0.0.0:50051)");
        if (!Uri.TryCreate(listenText.Replace("://*", "://0.0.0.0"), UriKind.Absolute, out var listen) || listen.Scheme != "http")
            throw new UsageException($"--listen: '{listenText}' is not an http://HOST:PORT address");
        var scenario = ScenarioFile.Load(path, a.GetAll("--set"));
        return await Simulate(scenario, a.Get("--out"), listen, Simulation.Parties.External, stdout, ct);
    }

    private static async Task<int> Simulate(Scenario scenario, string? outDir, Uri listen, Simulation.Parties parties, TextWriter stdout, CancellationToken ct)
    {
        var time = TimeProvider.System;
        var dir = RunFolder.Resolve(outDir, scenario.Name, time);
        var interactive = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        using var logs = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft", LogLevel.Warning).AddFilter("Grpc", LogLevel.Warning));
        var observer = new ConsoleObserver(stdout, interactive);
        stdout.WriteLine($"fedsim: {scenario.Name}: {scenario.Federation.Algorithm}, {scenario.Partition.Parties} parties ({scenario.Partition.Strategy}), " +
                         $"{scenario.Model} on {scenario.Dataset.Name}, {scenario.Federation.Rounds} rounds, " +
                         (parties == Simulation.Parties.External ? "coordinator only (party nodes connect to it)" : $"mode {scenario.Deployment.Mode}"));
        var simulation = new Simulation(scenario, dir, observer, logs, time)
        {
            Listening = address =>
            {
                if (parties != Simulation.Parties.External) return;
                var wildcard = listen.Host is "0.0.0.0" or "*" or "+" or "[::]";
                var dial = wildcard ? $"http://HOST:{address.Port}" : address.ToString().TrimEnd('/');
                var nodes = scenario.Deployment.PartyProcesses;
                stdout.WriteLine($"coordinator listening on {listen.Host}:{address.Port}; start {nodes} party node(s) (deployment.party_processes), " +
                                 $"each with: fedsim party --coordinator {dial}" + (wildcard ? " (HOST: this machine's address as the nodes see it)" : "") +
                                 $"; each takes a share of {(int)Math.Ceiling(scenario.Partition.Parties / (double)nodes)} of the {scenario.Partition.Parties} parties");
            },
        };
        var summary = await simulation.RunAsync(listen, parties, ct);
        stdout.WriteLine();
        stdout.WriteLine($"run {summary.Status}: {summary.RoundsCompleted}/{summary.RoundsPlanned} rounds");
        if (summary.FinalAccuracy is { } final)
            stdout.WriteLine($"  accuracy    final {Units.Percent(final)}   best {Units.Percent(summary.BestAccuracy ?? 0)} (round {summary.BestRound})");
        stdout.WriteLine($"  traffic     up {Units.Megabytes(summary.TotalBytesUp)}   down {Units.Megabytes(summary.TotalBytesDown)}");
        stdout.WriteLine($"  wall time   {summary.WallSeconds:F1} s   (party training {summary.TrainSecondsSum:F1} s summed over parties)");
        if (summary.PartyFailures > 0) stdout.WriteLine($"  failures    {summary.PartyFailures} party tasks failed (see metrics.csv, parties.csv)");
        if (summary.Error is not null) stdout.WriteLine($"  error       {summary.Error}");
        stdout.WriteLine($"  run folder  {dir}");
        return summary.Status switch
        {
            "completed" => Ok,
            "cancelled" => Interrupted,
            _ => RunFailed,
        };
    }

    private static async Task<int> Party(string[] args, CancellationToken ct)
    {
        var a = ParsedArgs.Parse(args, new HashSet<string> { "--coordinator", "--parties", "--workers", "--threads", "--name", "--health" }, NoFlags);
        if (a.Positionals.Count > 0) throw new UsageException($"unexpected argument '{a.Positionals[0]}'");
        var url = a.Get("--coordinator") ?? throw new UsageException("--coordinator URL is required (e.g. --coordinator http://127.0.0.1:50051)");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var coordinator) || coordinator.Scheme != "http")
            throw new UsageException($"--coordinator: '{url}' is not an http://HOST:PORT address");
        int[] ids;
        try
        {
            ids = a.Get("--parties") is { } range ? RangeText.Parse(range) : [];
        }
        catch (FormatException e)
        {
            throw new UsageException("--parties: " + e.Message);
        }
        var options = new PartyNodeOptions(coordinator)
        {
            PartyIds = ids,
            Workers = a.GetInt("--workers", Environment.ProcessorCount, 1),
            ThreadsPerWorker = a.GetInt("--threads", 0, 0),
        };
        if (a.Get("--name") is { } name) options = options with { Name = name };
        using var logs = LoggerFactory.Create(b => b.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        }).SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning).AddFilter("Grpc", LogLevel.Warning));
        Uri? healthListen = null;
        if (a.Get("--health") is { } healthText &&
            (!Uri.TryCreate(healthText.Replace("://*", "://0.0.0.0"), UriKind.Absolute, out healthListen) || healthListen.Scheme != "http"))
            throw new UsageException($"--health: '{healthText}' is not an http://HOST:PORT address");
        await using var node = new PartyNode(options, logs.CreateLogger($"party[{options.Name}]"));
        await using var health = healthListen is null ? null : await PartyHealth.StartAsync(node, healthListen, ct);
        try
        {
            await node.RunAsync(ct);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"fedsim: {e.Message}");
            return RunFailed;
        }
        catch (Grpc.Core.RpcException e) when (!ct.IsCancellationRequested)
        {
            Console.Error.WriteLine($"fedsim: lost the coordinator: {e.Status.Detail}");
            return RunFailed;
        }
        return Ok;
    }

    private static int Partition(string[] args, TextWriter stdout)
    {
        var a = ParsedArgs.Parse(args, new HashSet<string> { "--out", "--set" }, NoFlags);
        var path = a.Single("SCENARIO file");
        var scenario = ScenarioFile.Load(path, a.GetAll("--set"));
        var data = DatasetCatalog.Load(scenario.Dataset, scenario.Seed);
        var report = PartitionPlanner.Plan(scenario, data.Train.Labels, data.Train.Classes, data.Train.Groups);
        stdout.Write(PartitionTable.Render(report));
        var outFile = Path.GetFullPath(a.Get("--out") ?? "partition.json");
        AtomicFile.WriteAllBytes(outFile, PartitionJson.Serialize(report));
        var heatmap = Path.ChangeExtension(outFile, ".png");
        Plots.PartitionHeatmap.Write(report, heatmap);
        stdout.WriteLine($"wrote {outFile}");
        stdout.WriteLine($"wrote {heatmap} (party x class heat-map)");
        return Ok;
    }

    private static Task<int> Compare(string[] args, TextWriter stdout, CancellationToken ct) =>
        FedSim.Cli.Compare.CompareCommand.RunAsync(args, stdout, ct);

    private static int Validate(string[] args, TextWriter stdout)
    {
        var a = ParsedArgs.Parse(args, new HashSet<string> { "--set" }, NoFlags);
        var path = a.Single("SCENARIO file");
        var scenario = ScenarioFile.Load(path, a.GetAll("--set"));
        stdout.WriteLine($"{path}: ok");
        stdout.Write(ScenarioFile.ToYaml(scenario));
        return Ok;
    }
}
