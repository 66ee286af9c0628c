using FedSim.Coordinator;
using FedSim.Core.Algorithms;
using FedSim.Core.Partitioning;
using FedSim.Core.Scenarios;
using FedSim.Core.Weights;
using FedSim.Data;
using FedSim.Party;
using FedSim.Training;
using Microsoft.Extensions.Logging;

namespace FedSim.Cli;

/// <summary>
/// One run composed from the parts: the coordinator's gRPC server and round loop in this process, and party nodes
/// in this process (<c>local</c>), in child processes (<c>processes</c>), or started by hand (<c>fedsim party</c>).
/// </summary>
internal sealed class Simulation(Scenario scenario, string outDir, IRunObserver observer, ILoggerFactory logs, TimeProvider time)
{
    public enum Parties
    {
        InProcess,
        ChildProcesses,
        External,
    }

    /// <summary>Called with the coordinator's address once it listens.</summary>
    public Action<Uri>? Listening { get; init; }

    /// <summary>Called once party node child processes are started (processes mode).</summary>
    public Action<PartyProcesses>? ChildrenStarted { get; init; }

    /// <summary>Who may register (<c>fedsim coordinator --tokens</c>); null: any node that reaches the port.</summary>
    public NodeTokens? Tokens { get; init; }

    public async Task<RunSummary> RunAsync(Uri listen, Parties parties, CancellationToken ct)
    {
        var traces = TraceFiles.Load(scenario);
        var data = DatasetCatalog.Load(scenario.Dataset, scenario.Seed);
        var partition = PartitionPlanner.Plan(scenario, data.Train.Labels, data.Train.Classes, data.Train.Groups);
        var state = new CoordinatorState(scenario, ScenarioFile.ToYaml(scenario), partition, time, traces) { Tokens = Tokens };
        var workers = scenario.Deployment.Workers > 0 ? scenario.Deployment.Workers : Environment.ProcessorCount;
        TorchThreads.ConfigureForWorkers(parties == Parties.InProcess ? workers : 1);
        var initial = InitialModel.Create(scenario, data.Train);
        using var models = new ModelPool(scenario.Model, data.Test.SampleShape, data.Test.Classes);
        var evaluator = new TorchGlobalEvaluator(new Evaluator(data.Test, models));
        Func<ModelWeights, CancellationToken, Task<RunSummary>> loop = scenario.Federation.Mode == "async"
            ? new AsyncLoop(state, ScenarioAlgorithm.AsyncStrategy(scenario), evaluator, new RunRecorder(outDir), observer).RunAsync
            : new RoundLoop(state, ScenarioAlgorithm.Strategy(scenario), evaluator, new RunRecorder(outDir), observer).RunAsync;

        await using var server = await CoordinatorServer.StartAsync(state, listen,
            parties == Parties.External ? LogLevel.Information : LogLevel.Warning, ct);
        Listening?.Invoke(server.Address);
        // On SIGTERM / Ctrl+C: health checks see NOT_SERVING at once; the round loop then stops, tells every node to
        // stop and writes the results before the server goes down.
        await using var stopping = ct.Register(server.MarkStopping);

        using var stopNodes = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await using var node = parties == Parties.InProcess
            ? new PartyNode(new PartyNodeOptions(server.Address) { PartyIds = Enumerable.Range(0, scenario.Partition.Parties).ToArray(), Workers = workers, Name = "local" },
                logs.CreateLogger("party"))
            : null;
        using var children = parties == Parties.ChildProcesses
            ? PartyProcesses.Start(server.Address, scenario.Partition.Parties, scenario.Deployment.PartyProcesses,
                Math.Max(1, workers / scenario.Deployment.PartyProcesses))
            : null;
        var nodes = node?.RunAsync(stopNodes.Token) ?? Task.CompletedTask;
        if (children is not null) ChildrenStarted?.Invoke(children);
        var summary = await RunLoop(loop, initial, nodes, ct);
        await StopNodes(state, children, nodes, stopNodes);
        return summary;
    }

    /// <summary>Runs the round loop; an in-process node that died (e.g. its dataset is missing) must not leave it waiting for registrations.</summary>
    private static async Task<RunSummary> RunLoop(Func<ModelWeights, CancellationToken, Task<RunSummary>> loop, ModelWeights initial, Task nodes, CancellationToken ct)
    {
        using var stopLoop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var runTask = loop(initial, stopLoop.Token);
        if (await Task.WhenAny(runTask, nodes) == nodes && nodes.IsFaulted)
        {
            await stopLoop.CancelAsync();
            await runTask;
            await nodes;
        }
        return await runTask;
    }

    /// <summary>After the run: spare nodes are told it ended, child processes and the in-process node exit by themselves or are stopped.</summary>
    private static async Task StopNodes(CoordinatorState state, PartyProcesses? children, Task nodes, CancellationTokenSource stopNodes)
    {
        // Spare nodes standing by ask again every few seconds: keep answering until each was told the run ended, so
        // they exit 0 instead of finding no coordinator (bounded: a spare that died meanwhile is not waited for).
        for (var waited = 0; state.Registry.WaitingSpares > 0 && waited < 50; waited++) await Task.Delay(100, CancellationToken.None);
        if (children is not null) await children.WaitForExitAsync(TimeSpan.FromSeconds(10));
        // The in-process node ends by itself on the coordinator's stop; it is cancelled only if it has not within 10 s.
        await Task.WhenAny(nodes, Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None));
        await stopNodes.CancelAsync();
        try
        {
            await nodes;
        }
        catch (OperationCanceledException)
        {
            // The node was told to stop after the run ended.
        }
    }
}
