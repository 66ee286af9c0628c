using FedSim.Core.Algorithms;
using FedSim.Core.Metrics;
using FedSim.Core.Systems;
using FedSim.Core.Weights;

namespace FedSim.Coordinator;

/// <summary>
/// The synchronous round loop (its one asynchronous sibling is <see cref="AsyncLoop"/>): wait for every party to be hosted, then per round let the strategy choose
/// the parties and their instructions, announce tasks, wait for results until all answered or the deadline, aggregate
/// what arrived with the strategy, evaluate and record. Speaks domain types only; the gRPC service does the wire.
/// </summary>
public sealed class RoundLoop(
    CoordinatorState state,
    IStrategy strategy,
    IGlobalEvaluator evaluator,
    RunRecorder recorder,
    IRunObserver observer)
{
    public TimeSpan RegistrationTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public async Task<RunSummary> RunAsync(ModelWeights initial, CancellationToken ct)
    {
        var run = new RunLifecycle(state, recorder, observer, RegistrationTimeout);
        return await run.RunAsync(async (totals, started, startedAt, token) =>
        {
            var global = strategy.Initialize(initial, state.Scenario.Partition.Parties);
            for (var round = 1; round <= state.Scenario.Federation.Rounds; round++)
            {
                token.ThrowIfCancellationRequested();
                global = await RunRound(round, global, totals, run, token);
                run.Checkpoint(totals, started, startedAt);
            }
        }, ct);
    }

    private async Task<ModelWeights> RunRound(int round, ModelWeights global, RunTotals totals, RunLifecycle run, CancellationToken ct)
    {
        var scenario = state.Scenario;
        var roundStart = state.Time.GetTimestamp();
        var sampled = RoundClock.Sampled(scenario.PartiesPerRound, scenario.System.OverCommit, scenario.Partition.Parties);
        var online = state.Availability.Online(round, totals.SimClockSeconds);
        var plan = strategy.ConfigureRound(new RoundContext(round, scenario.Partition.Parties, sampled, scenario.Seed) { Online = online }, global);
        observer.RoundStarted(round, scenario.Federation.Rounds, plan.Parties.Count);
        var sim = new RoundSimulation(state, round);
        using var aggregation = new RoundAggregation(strategy.BeginRound(round, global), new UpdateTracker(global, state.UpdateMemoryBudgetBytes)) { Simulation = sim };
        var tasks = await RunTasks(round, global, plan, aggregation, run, ct);
        var wanted = Math.Min(scenario.PartiesPerRound, plan.Parties.Count);
        var timing = sim.Settle(tasks, wanted);
        var outcomes = Settled(tasks, timing, aggregation, wanted);
        var results = outcomes.Where(o => o.Outcome.Ok).Select(o => o.Outcome.Result!).OrderBy(r => r.PartyId).ToList();
        var failures = outcomes.Where(o => !o.Outcome.Ok).Select(o => new PartyFailure(o.Task.PartyId, o.Outcome.Failure!)).ToList();
        var traffic = new RoundTraffic(tasks.Sum(t => t.BytesUp), tasks.Sum(t => t.BytesDown), 0, 0, plan.Parties.Count)
        {
            Fp32BytesUp = tasks.Sum(t => t.Fp32BytesUp),
            Fp32BytesDown = tasks.Sum(t => t.Fp32BytesDown),
        };
        totals.AddTraffic(traffic, failures.Count);
        if (results.Count < scenario.Federation.MinParties)
        {
            var shortfall = $"only {results.Count} of {plan.Parties.Count} sampled parties answered, fewer than federation.min_parties = {scenario.Federation.MinParties}"
                + (online is null ? "" : $" ({online.Count} of {scenario.Partition.Parties} parties were online)");
            recorder.AppendParties(RoundRows.Parties(round, outcomes, new Dictionary<int, PartyUpdateStats>(), $"not aggregated: {shortfall}"));
            var why = string.Join("; ", failures.Take(5).Select(f => $"party {f.PartyId}: {f.Reason}"));
            throw new RoundFailedException($"round {round}: {shortfall} ({why}; every party's outcome is in parties.csv)");
        }

        var (aggregate, updates) = aggregation.Finish(failures);
        var evalStart = state.Time.GetTimestamp();
        var (metrics, loss) = evaluator.Evaluate(aggregate.Global);
        var evalSeconds = state.Time.GetElapsedTime(evalStart).TotalSeconds;
        var seconds = state.Time.GetElapsedTime(roundStart).TotalSeconds;
        totals.AddRound(round, seconds, evalSeconds, results.Sum(r => r.TrainSeconds), timing.Seconds);
        var record = RoundRows.Round(round, metrics, loss, results, updates, failures, aggregate.Metrics,
            traffic with { Seconds = seconds, EvalSeconds = evalSeconds }) with { SimRoundSeconds = timing.Seconds, SimClockSeconds = totals.SimClockSeconds };
        recorder.AppendRound(record, RoundRows.Parties(round, outcomes, updates));
        recorder.WriteModel(aggregate.Global, round);
        observer.RoundFinished(record);
        return aggregate.Global;
    }

    /// <summary>
    /// Every task's outcome once the simulated clock has settled the round: an over-committed round folds its first
    /// finishers now, and its other answers fail as late.
    /// </summary>
    private static List<(TrainingTask Task, TaskOutcome Outcome)> Settled(List<TrainingTask> tasks, RoundTiming timing, RoundAggregation aggregation, int wanted)
    {
        var counted = timing.Verdicts.Where(v => v.Value == PartyVerdict.Counted).Select(v => v.Key).ToHashSet();
        var refused = aggregation.Simulation is { Deferred: true } ? aggregation.FoldHeld(counted) : [];
        return tasks.Select(t =>
        {
            var outcome = t.Outcome.Result;
            if (refused.TryGetValue(t.PartyId, out var why)) outcome = TaskOutcome.Failed(why);
            else if (outcome.Ok && timing.Verdicts.GetValueOrDefault(t.PartyId) == PartyVerdict.Late) outcome = TaskOutcome.Failed(RoundSimulation.LateReason(wanted));
            return (t, outcome);
        }).ToList();
    }

    /// <summary>Announces the plan's tasks and waits until every one has a result or failure, or the round deadline passed.</summary>
    private async Task<List<TrainingTask>> RunTasks(int round, ModelWeights global, RoundPlan plan, RoundAggregation aggregation, RunLifecycle run, CancellationToken ct)
    {
        var timeout = TimeSpan.FromSeconds(state.Scenario.Federation.RoundTimeoutSeconds);
        var deadline = state.Time.GetUtcNow() + timeout;
        var tasks = new List<TrainingTask>();
        var done = 0;
        void OnFinished(TrainingTask t)
        {
            if (t.Round == round) observer.PartyFinished(round, t.PartyId, t.Outcome.Result.Ok, Interlocked.Increment(ref done), plan.Parties.Count);
        }
        state.TaskFinished += OnFinished;
        try
        {
            foreach (var party in plan.Parties)
            {
                var drop = aggregation.Simulation is { } sim && sim.Dropped(party.PartyId) ? sim.DropoutReason : null;
                tasks.Add(run.Dispatch($"r{round}-p{party.PartyId}-{Guid.NewGuid():N}", round, party.PartyId, global, party.Instructions, deadline, aggregation, drop));
            }
            try
            {
                await Task.WhenAll(tasks.Select(t => t.Outcome)).WaitAsync(timeout, state.Time, ct);
            }
            catch (TimeoutException)
            {
                foreach (var t in tasks) t.Complete(TaskOutcome.Failed($"missed the round deadline of {timeout.TotalSeconds:0.#}s"));
            }
        }
        finally
        {
            state.TaskFinished -= OnFinished;
            foreach (var t in tasks) state.Board.Remove(t);
        }
        return tasks;
    }
}
