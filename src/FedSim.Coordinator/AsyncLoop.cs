using FedSim.Core.Algorithms;
using FedSim.Core.Systems;
using FedSim.Core.Weights;

namespace FedSim.Coordinator;

/// <summary>
/// The asynchronous loop (<c>federation.mode: async</c>): <c>federation.concurrency</c> parties train at once, each from
/// the global model current when it started; the simulated clock (<see cref="AsyncClock"/>) decides the order in which
/// their updates arrive, the strategy decides which arrivals make a server step, and each step is evaluated and
/// recorded as a metrics.csv row (its <c>round</c> is the step). <c>federation.rounds</c> counts server steps.
/// </summary>
public sealed class AsyncLoop(
    CoordinatorState state,
    IAsyncStrategy strategy,
    IGlobalEvaluator evaluator,
    RunRecorder recorder,
    IRunObserver observer)
{
    public TimeSpan RegistrationTimeout { get; init; } = TimeSpan.FromMinutes(10);

    private CoordinatorState State { get; } = state;
    private IAsyncStrategy Strategy { get; } = strategy;
    private IGlobalEvaluator Evaluator { get; } = evaluator;
    private RunRecorder Recorder { get; } = recorder;
    private IRunObserver Observer { get; } = observer;

    public async Task<RunSummary> RunAsync(ModelWeights initial, CancellationToken ct)
    {
        var run = new RunLifecycle(State, Recorder, Observer, RegistrationTimeout);
        return await run.RunAsync((totals, started, startedAt, token) => new Session(this, run, initial, totals).Run(started, startedAt, token), ct);
    }

    /// <summary>One run's state: the clock, the flights, the models they started from, and what the next step will record.</summary>
    private sealed class Session(AsyncLoop loop, RunLifecycle run, ModelWeights initial, RunTotals totals)
    {
        private readonly CoordinatorState _state = loop.State;
        private readonly FlightSink _sink = new(loop.State);
        private readonly Dictionary<int, TrainingTask> _tasks = [];
        private readonly Dictionary<int, ModelWeights> _versions = new() { [0] = initial };
        private readonly List<(TrainingTask Task, TaskOutcome Outcome, int Staleness)> _pending = [];
        private AsyncClock _clock = null!;
        private ModelWeights _global = initial;
        private Core.Metrics.UpdateTracker _updates = new(initial, loop.State.UpdateMemoryBudgetBytes);
        private int _version;
        private double _lastStep;
        private long _stepStarted = loop.State.Time.GetTimestamp();

        private Core.Scenarios.Scenario Scenario => _state.Scenario;

        public async Task Run(long started, string startedAt, CancellationToken ct)
        {
            _clock = new AsyncClock(Scenario.Partition.Parties, Scenario.Federation.Concurrency, Scenario.Seed, _state.Availability);
            loop.Observer.RoundStarted(1, Scenario.Federation.Rounds, Scenario.Federation.Concurrency);
            try
            {
                while (_version < Scenario.Federation.Rounds)
                {
                    ct.ThrowIfCancellationRequested();
                    foreach (var flight in _clock.Fill(_version, MinSeconds)) Start(flight);
                    if (_clock.Next() is not { } next)
                    {
                        await WaitForResults(ct);
                        continue;
                    }
                    if (Arrive(next) is { } step)
                    {
                        Record(step);
                        run.Checkpoint(totals, started, startedAt);
                        if (_version < Scenario.Federation.Rounds) loop.Observer.RoundStarted(_version + 1, Scenario.Federation.Rounds, Scenario.Federation.Concurrency);
                    }
                }
            }
            finally
            {
                foreach (var t in _tasks.Values) _state.Board.Remove(t);
            }
        }

        /// <summary>A party's least possible simulated seconds: the round trip and its training (the transfers are not known yet).</summary>
        private double MinSeconds(int party) =>
            _state.Devices[party].CommSeconds(0, 0) + _state.Devices[party].ComputeSeconds(_state.Partition.Parties[party].Size, Scenario.Training.LocalEpochs);

        private void Start(AsyncFlight flight)
        {
            var deadline = _state.Time.GetUtcNow() + TimeSpan.FromSeconds(Scenario.Federation.RoundTimeoutSeconds);
            // Rounds on the wire number the flights, so every training draws its own shuffle and codec streams.
            _tasks[flight.Id] = run.Dispatch($"f{flight.Id}-p{flight.PartyId}-{Guid.NewGuid():N}", flight.Id + 1, flight.PartyId,
                _versions[flight.StartVersion], PartyInstructions.None, deadline, _sink, modelRound: flight.StartVersion + 1);
        }

        /// <summary>Waits for at least one more real result (or the timeout), and tells the clock what arrived.</summary>
        private async Task WaitForResults(CancellationToken ct)
        {
            var open = _clock.InFlight.Where(f => f.Finish is null).Select(f => _tasks[f.Id]).ToList();
            if (open.All(t => !t.IsDone))
            {
                try
                {
                    await Task.WhenAny(open.Select(t => t.Outcome)).WaitAsync(TimeSpan.FromSeconds(Scenario.Federation.RoundTimeoutSeconds), _state.Time, ct);
                }
                catch (TimeoutException)
                {
                    foreach (var t in open) t.Complete(TaskOutcome.Failed($"no result within federation.round_timeout_s = {Scenario.Federation.RoundTimeoutSeconds:0.#}s"));
                }
            }
            foreach (var flight in _clock.InFlight.Where(f => f.Finish is null && _tasks[f.Id].IsDone).ToList())
            {
                var task = _tasks[flight.Id];
                var outcome = task.Outcome.Result;
                if (outcome.Ok)
                {
                    _clock.Finished(flight.Id, task.SimSeconds);
                    continue;
                }
                _clock.Failed(flight.Id);
                Forget(flight.Id);
                _pending.Add((task, outcome, 0));
                if (_pending.Count(p => !p.Outcome.Ok) > 10 * Scenario.Federation.Concurrency)
                    throw new RoundFailedException($"server step {_version + 1}: {_pending.Count(p => !p.Outcome.Ok)} tasks failed since the last server step (last: party {task.PartyId}: {outcome.Failure})");
            }
        }

        /// <summary>The next event: its update goes to the strategy, which may make a server step of it.</summary>
        private AsyncStep? Arrive(AsyncFlight flight)
        {
            _clock.Pop(flight);
            var task = _tasks[flight.Id];
            Forget(flight.Id);
            var result = _sink.Take(task);
            var staleness = _version - flight.StartVersion;
            _pending.Add((task, task.Outcome.Result, staleness));
            _updates.Add(flight.PartyId, result.Weights, _versions[flight.StartVersion]);
            var step = loop.Strategy.Offer(new AsyncUpdate(flight.PartyId, result.Weights, _versions[flight.StartVersion], result.NumExamples, staleness), _global);
            if (step is null) return null;
            _global = step.Global;
            _versions[++_version] = _global;
            foreach (var unused in _versions.Keys.Where(v => v != _version && _clock.InFlight.All(f => f.StartVersion != v)).ToList()) _versions.Remove(unused);
            return step;
        }

        private void Forget(int flightId)
        {
            _state.Board.Remove(_tasks[flightId]);
            _tasks.Remove(flightId);
        }

        private void Record(AsyncStep step)
        {
            var outcomes = _pending.Select(p => (p.Task, p.Outcome)).ToList();
            var results = outcomes.Where(o => o.Outcome.Ok).Select(o => o.Outcome.Result!).ToList();
            var failures = outcomes.Where(o => !o.Outcome.Ok).Select(o => new PartyFailure(o.Task.PartyId, o.Outcome.Failure!)).ToList();
            var traffic = new RoundTraffic(outcomes.Sum(o => o.Task.BytesUp), outcomes.Sum(o => o.Task.BytesDown), 0, 0, outcomes.Count)
            {
                Fp32BytesUp = outcomes.Sum(o => o.Task.Fp32BytesUp),
                Fp32BytesDown = outcomes.Sum(o => o.Task.Fp32BytesDown),
            };
            totals.AddTraffic(traffic, failures.Count);
            var evalStart = _state.Time.GetTimestamp();
            var (metrics, loss) = loop.Evaluator.Evaluate(_global);
            var evalSeconds = _state.Time.GetElapsedTime(evalStart).TotalSeconds;
            var staleness = _pending.Where(p => p.Outcome.Ok).Select(p => (double)p.Staleness).ToList();
            var figures = new Dictionary<string, object>(step.Metrics)
            {
                ["staleness_mean"] = staleness.Average(),
                ["staleness_max"] = staleness.Max(),
            };
            var seconds = _clock.Now - _lastStep;
            var wall = _state.Time.GetElapsedTime(_stepStarted).TotalSeconds;
            totals.AddRound(_version, wall, evalSeconds, results.Sum(r => r.TrainSeconds), seconds);
            // Each update against the version it started from, compared with this step's change of the global model.
            var stats = _updates.Finish(_global);
            _updates = new Core.Metrics.UpdateTracker(_global, _state.UpdateMemoryBudgetBytes);
            var record = RoundRows.Round(_version, metrics, loss, results, stats, failures, figures,
                traffic with { Seconds = wall, EvalSeconds = evalSeconds }) with { SimRoundSeconds = seconds, SimClockSeconds = _clock.Now };
            loop.Recorder.AppendRound(record, RoundRows.Parties(_version, outcomes, stats));
            loop.Recorder.WriteModel(_global, _version);
            loop.Observer.RoundFinished(record);
            _lastStep = _clock.Now;
            _stepStarted = _state.Time.GetTimestamp();
            _pending.Clear();
        }
    }
}
