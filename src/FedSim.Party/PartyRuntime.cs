using System.Collections.Concurrent;
using FedSim.Core.Algorithms;
using FedSim.Core.Codecs;
using FedSim.Core.LocalTraining;
using FedSim.Core.Partitioning;
using FedSim.Core.Scenarios;
using FedSim.Data;
using FedSim.Training;

namespace FedSim.Party;

/// <summary>
/// What a party node does for its parties, without any transport: loads the run's dataset and model once, keeps the
/// algorithm's party half (and its per-party state, e.g. SCAFFOLD's c_i), and trains one task at a time per caller.
/// Thread-safe: the node runs several tasks at once, each on its own model instance.
/// </summary>
internal sealed class PartyRuntime : IDisposable
{
    private readonly ModelPool _models;
    private readonly LocalTrainer _trainer;
    private readonly IPartyAlgorithm _algorithm;
    private readonly ConcurrentDictionary<int, IReadOnlyList<InputTransform>> _transforms = new();
    private readonly ConcurrentDictionary<int, Residuals> _residuals = new();

    private PartyRuntime(Scenario scenario, ModelPool models, LocalTrainer trainer)
    {
        Scenario = scenario;
        _models = models;
        _trainer = trainer;
        _algorithm = ScenarioAlgorithm.Party(scenario);
    }

    public Scenario Scenario { get; }

    /// <summary>
    /// Loads the scenario's dataset and builds its model pool, for <paramref name="workers"/> parties trained at once; each
    /// gets <paramref name="threadsPerWorker"/> libtorch threads (0: the cores shared out).
    /// </summary>
    public static PartyRuntime Load(Scenario scenario, int workers, int threadsPerWorker = 0)
    {
        var data = DatasetCatalog.Load(scenario.Dataset, scenario.Seed);
        if (threadsPerWorker > 0) TorchThreads.Configure(threadsPerWorker);
        else TorchThreads.ConfigureForWorkers(workers);
        var models = new ModelPool(scenario.Model, data.Train.SampleShape, data.Train.Classes);
        return new PartyRuntime(scenario, models, new LocalTrainer(data.Train, models));
    }

    /// <summary>Trains one party's task: the algorithm's hooks, the party's input transforms, then the algorithm's payloads.</summary>
    public PartyTrained Train(PartyWork work, CancellationToken ct = default)
    {
        var task = new PartyTask(work.Round, work.PartyId, work.Global, work.Instructions);
        var hooks = _algorithm.Prepare(task);
        var transforms = _transforms.GetOrAdd(work.PartyId, p => PartitionPlanner.TransformsFor(Scenario, p));
        var result = _trainer.Train(work.Global, work.DataIdxs, Scenario.Training, work.Seed, hooks, transforms, ct);
        var payloads = _algorithm.Finish(task, new LocalOutcome(result.Weights, result.NumExamples, result.LocalSteps, result.TrainLoss));
        return new PartyTrained(result, payloads);
    }

    /// <summary>A party's error-feedback memory for its uplink codec (kept with the party, from round to round).</summary>
    public Residuals ResidualsOf(int partyId) => _residuals.GetOrAdd(partyId, _ => new Residuals());

    public void Dispose() => _models.Dispose();
}
