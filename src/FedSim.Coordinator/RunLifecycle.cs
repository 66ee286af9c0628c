using System.Globalization;
using FedSim.Core.Weights;

namespace FedSim.Coordinator;

/// <summary>
/// What every run loop does around its own steps: write the run's first files, wait until every party is hosted, run
/// the body, turn cancellation and failures into the summary's status, tell the nodes the run ended, write the summary.
/// </summary>
internal sealed class RunLifecycle(CoordinatorState state, RunRecorder recorder, IRunObserver observer, TimeSpan registrationTimeout)
{
    public async Task<RunSummary> RunAsync(Func<RunTotals, long, string, CancellationToken, Task> body, CancellationToken ct)
    {
        var time = state.Time;
        var started = time.GetTimestamp();
        var startedAt = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        recorder.WriteStart(state.ScenarioYaml, state.Partition);
        var totals = new RunTotals();
        var status = "completed";
        string? error = null;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? fault = null;
        try
        {
            observer.Message($"waiting for party nodes to host all {state.Scenario.Partition.Parties} parties");
            await WaitForParties(ct);
            await body(totals, started, startedAt, ct);
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            status = "failed";
            error = $"cannot write the run folder: {e.Message}";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug: the summary still says failed (not "running" for ever), the nodes hear it, and the caller gets the trace.
            status = "failed";
            error = $"internal error: {e.GetType().Name}: {e.Message}";
            fault = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            state.Registry.StopAll(status == "completed" ? "run completed" : $"run {status}{(error is null ? "" : ": " + error)}", failed: status != "completed");
        }
        var summary = RunSummary.Build(state, recorder.Rounds, status, error, totals, started, startedAt);
        WriteSummary(summary);
        fault?.Throw();
        return summary;
    }

    /// <summary>The final summary; when even that cannot be written (a full disk), the run's outcome is still reported.</summary>
    private void WriteSummary(RunSummary summary)
    {
        try
        {
            recorder.WriteSummary(summary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            observer.Message($"could not write summary.json ({e.Message}); the run {summary.Status}{(summary.Error is null ? "" : ": " + summary.Error)}");
        }
    }

    /// <summary>The summary so far, written after each round or server step.</summary>
    public void Checkpoint(RunTotals totals, long started, string startedAt) =>
        recorder.WriteSummary(RunSummary.Build(state, recorder.Rounds, "running", null, totals, started, startedAt));

    private async Task WaitForParties(CancellationToken ct)
    {
        try
        {
            await state.Registry.AllPartiesHosted.WaitAsync(registrationTimeout, state.Time, ct);
        }
        catch (TimeoutException)
        {
            throw new RoundFailedException(
                $"after {registrationTimeout.TotalSeconds:0}s only {state.Registry.HostedCount} of {state.Registry.TotalParties} parties are hosted by a party node");
        }
    }

    /// <summary>
    /// Announces a task to the node hosting its party, or fails it at once: with <paramref name="dropReason"/> (the
    /// party dropped out, so it is never announced), or when no live node hosts the party.
    /// </summary>
    public TrainingTask Dispatch(string id, int round, int partyId, ModelWeights global, Core.Algorithms.PartyInstructions instructions,
        DateTimeOffset deadline, ITaskSink sink, string? dropReason = null, int? modelRound = null)
    {
        var node = state.Registry.HostOf(partyId);
        var task = new TrainingTask(id, round, partyId, node?.Id ?? "", global, instructions, deadline.ToUnixTimeMilliseconds(), sink, state.Time)
        {
            Dropped = dropReason is not null,
            ModelRound = modelRound ?? round,
        };
        state.Board.Add(task);
        if (dropReason is not null) task.Complete(TaskOutcome.Failed(dropReason));
        else if (node?.Announce(new TaskOffer(task.Id, round, partyId, task.DeadlineUnixMs)) != true)
            task.Complete(TaskOutcome.Failed("no live party node hosts this party"));
        return task;
    }
}
