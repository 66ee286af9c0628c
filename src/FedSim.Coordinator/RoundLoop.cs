using System.Globalization;
using FedSim.Core.Metrics;
using FedSim.Core.Randomness;
using FedSim.Core.Strategies;
using FedSim.Core.Weights;
using FedSim.Protos.V1;

namespace FedSim.Coordinator;

/// <summary>
/// The federated round loop (the only one): wait for every party to be hosted, then per round sample parties, announce
/// tasks, wait for results until all answered or the deadline, aggregate what arrived with the strategy, evaluate and record.
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
        var time = state.Time;
        var scenario = state.Scenario;
        var started = time.GetTimestamp();
        var startedAt = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        recorder.WriteStart(scenario, state.Partition);
        var totals = new Totals();
        string status = "completed";
        string? error = null;
        try
        {
            observer.Message($"waiting for party nodes to host all {scenario.Partition.Parties} parties");
            await WaitForParties(ct);
            var global = strategy.Initialize(initial, scenario.Partition.Parties);
            for (var round = 1; round <= scenario.Federation.Rounds; round++)
            {
                ct.ThrowIfCancellationRequested();
                global = await RunRound(round, global, totals, ct);
                recorder.WriteSummary(BuildSummary("running", null, totals, started, startedAt));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            status = "cancelled";
            error = "the run was stopped before it finished";
        }
        catch (RoundFailedException e)
        {
            status = "failed";
            error = e.Message;
        }
        finally
        {
            state.Registry.StopAll(status == "completed" ? "run completed" : $"run {status}");
        }
        var summary = BuildSummary(status, error, totals, started, startedAt);
        recorder.WriteSummary(summary);
        return summary;
    }

    private async Task WaitForParties(CancellationToken ct)
    {
        try
        {
            await state.Registry.AllPartiesHosted.WaitAsync(RegistrationTimeout, state.Time, ct);
        }
        catch (TimeoutException)
        {
            throw new RoundFailedException(
                $"after {RegistrationTimeout.TotalSeconds:0}s only {state.Registry.HostedCount} of {state.Registry.TotalParties} parties are hosted by a party node");
        }
    }

    private async Task<ModelWeights> RunRound(int round, ModelWeights global, Totals totals, CancellationToken ct)
    {
        var time = state.Time;
        var scenario = state.Scenario;
        var roundStart = time.GetTimestamp();
        var sampled = PartySampler.Sample(scenario.Partition.Parties, scenario.PartiesPerRound, scenario.Seed, round);
        observer.RoundStarted(round, scenario.Federation.Rounds, sampled.Length);
        var timeout = TimeSpan.FromSeconds(scenario.Federation.RoundTimeoutSeconds);
        var deadline = time.GetUtcNow() + timeout;
        var aggregation = new RoundAggregation(strategy.BeginRound(round, global), new UpdateTracker(global, state.UpdateMemoryBudgetBytes));
        var tasks = new List<TrainingTask>();
        var done = 0;
        void OnFinished(TrainingTask t)
        {
            if (t.Round == round) observer.PartyFinished(round, t.PartyId, t.Outcome.Result.Ok, Interlocked.Increment(ref done), sampled.Length);
        }
        state.TaskFinished += OnFinished;
        try
        {
            foreach (var party in sampled)
            {
                var node = state.Registry.HostOf(party);
                var task = new TrainingTask($"r{round}-p{party}-{Guid.NewGuid():N}", round, party, node?.Id ?? "",
                    global, strategy.ConfigureParty(round, party, global), deadline.ToUnixTimeMilliseconds(), aggregation, time);
                tasks.Add(task);
                state.Board.Add(task);
                var announced = node?.Announce(new Announcement
                {
                    Task = new TaskAnnouncement { TaskId = task.Id, Round = round, PartyId = party, DeadlineUnixMs = task.DeadlineUnixMs },
                }) ?? false;
                if (!announced) task.Complete(TaskOutcome.Failed("no live party node hosts this party"));
            }
            var all = Task.WhenAll(tasks.Select(t => t.Outcome));
            try
            {
                await all.WaitAsync(timeout, time, ct);
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

        var outcomes = tasks.Select(t => (Task: t, Outcome: t.Outcome.Result)).ToList();
        var results = outcomes.Where(o => o.Outcome.Ok).Select(o => o.Outcome.Result!).OrderBy(r => r.PartyId).ToList();
        var failures = outcomes.Where(o => !o.Outcome.Ok).Select(o => new PartyFailure(o.Task.PartyId, o.Outcome.Failure!)).ToList();
        var bytesUp = tasks.Sum(t => t.BytesUp);
        var bytesDown = tasks.Sum(t => t.BytesDown);
        totals.BytesUp += bytesUp;
        totals.BytesDown += bytesDown;
        totals.Failures += failures.Count;
        if (results.Count < scenario.Federation.MinParties)
        {
            var shortfall = $"only {results.Count} of {sampled.Length} sampled parties answered, fewer than federation.min_parties = {scenario.Federation.MinParties}";
            recorder.AppendParties(PartyRows(round, outcomes, new Dictionary<int, PartyUpdateStats>(), $"not aggregated: {shortfall}"));
            var why = string.Join("; ", failures.Take(5).Select(f => $"party {f.PartyId}: {f.Reason}"));
            throw new RoundFailedException($"round {round}: {shortfall} ({why}; every party's outcome is in parties.csv)");
        }

        var (aggregated, updates) = aggregation.Finish(failures);
        var evalStart = time.GetTimestamp();
        var (metrics, loss) = evaluator.Evaluate(aggregated);
        var evalSeconds = time.GetElapsedTime(evalStart).TotalSeconds;
        var seconds = time.GetElapsedTime(roundStart).TotalSeconds;

        var trainSeconds = Summary.Of(results.Select(r => r.TrainSeconds));
        var ordered = updates.Values.OrderBy(u => u.PartyId).ToList();
        var norms = Summary.Of(ordered.Select(u => u.UpdateNorm));
        var cosines = Summary.Of(ordered.Select(u => u.CosineToAggregate));
        double examples = results.Sum(r => r.NumExamples);
        var record = new RoundRecord(round, metrics.Accuracy, loss, metrics.PrecisionMacro, metrics.RecallMacro, metrics.F1Macro,
            results.Sum(r => r.TrainLoss * r.NumExamples) / examples, bytesUp, bytesDown, seconds, evalSeconds,
            trainSeconds.Mean, trainSeconds.Std, trainSeconds.Max, norms.Mean, norms.Std, cosines.Mean, cosines.Std,
            sampled.Length, results.Count, failures.Count, failures.Select(f => f.PartyId).ToList());
        recorder.AppendRound(record, PartyRows(round, outcomes, updates));
        totals.Rounds = round;
        totals.RoundsSeconds += seconds;
        totals.EvalSeconds += evalSeconds;
        totals.TrainSeconds += results.Sum(r => r.TrainSeconds);
        observer.RoundFinished(record);
        return aggregated;
    }

    /// <summary>One parties.csv row per sampled party; <paramref name="okNote"/> explains an answer that was not aggregated.</summary>
    private static IEnumerable<PartyRoundRecord> PartyRows(int round, IEnumerable<(TrainingTask Task, TaskOutcome Outcome)> outcomes,
        IReadOnlyDictionary<int, PartyUpdateStats> updates, string okNote = "") =>
        outcomes.Select(o =>
        {
            var r = o.Outcome.Result;
            var u = r is null ? null : updates.GetValueOrDefault(r.PartyId);
            var t = o.Task;
            var trainSeconds = r?.TrainSeconds ?? double.NaN;
            return new PartyRoundRecord(round, t.PartyId, r is null ? "failed" : "ok", r?.NumExamples ?? 0, r?.LocalSteps ?? 0,
                r?.TrainLoss ?? double.NaN, trainSeconds, t.BytesUp, t.BytesDown,
                u?.UpdateNorm ?? double.NaN, u?.CosineToAggregate ?? double.NaN,
                t.TaskSeconds, t.WaitSeconds, t.FetchSeconds, t.UploadSeconds, t.TaskSeconds - t.WaitSeconds - trainSeconds,
                o.Outcome.Failure ?? okNote);
        });

    private RunSummary BuildSummary(string status, string? error, Totals totals, long started, string startedAt)
    {
        var rounds = recorder.Rounds;
        var best = rounds.Count == 0 ? null : rounds.MaxBy(r => r.Accuracy);
        var partition = state.Partition;
        return new RunSummary
        {
            Name = state.Scenario.Name,
            Algorithm = strategy.Name,
            Status = status,
            Error = error,
            Seed = state.Scenario.Seed,
            Parties = state.Scenario.Partition.Parties,
            RoundsPlanned = state.Scenario.Federation.Rounds,
            RoundsCompleted = rounds.Count,
            FinalAccuracy = rounds.Count == 0 ? null : rounds[^1].Accuracy,
            FinalF1Macro = rounds.Count == 0 ? null : rounds[^1].F1Macro,
            BestAccuracy = best?.Accuracy,
            BestRound = best?.Round,
            TotalBytesUp = totals.BytesUp,
            TotalBytesDown = totals.BytesDown,
            WallSeconds = state.Time.GetElapsedTime(started).TotalSeconds,
            RoundsSeconds = totals.RoundsSeconds,
            TrainSecondsSum = totals.TrainSeconds,
            EvalSecondsSum = totals.EvalSeconds,
            PartyFailures = totals.Failures,
            PartitionMeanJsDivergence = partition.MeanJsDivergence,
            PartitionMaxJsDivergence = partition.MaxJsDivergence,
            PartitionSizeCv = partition.SizeCoefficientOfVariation,
            StartedAt = startedAt,
        };
    }

    private sealed class Totals
    {
        public long BytesUp;
        public long BytesDown;
        public int Failures;
        public int Rounds;
        public double RoundsSeconds;
        public double EvalSeconds;
        public double TrainSeconds;
    }
}
