using FedSim.Coordinator;

namespace FedSim.Cli;

/// <summary>Progress on the terminal: a live line while parties train, a line per finished round.</summary>
internal sealed class ConsoleObserver(TextWriter output, bool interactive) : IRunObserver
{
    private readonly object _gate = new();
    private double? _lastAccuracy;
    private int _rounds;

    public void Message(string text)
    {
        lock (_gate) output.WriteLine(text);
    }

    public void RoundStarted(int round, int rounds, int sampled)
    {
        _rounds = rounds;
        Live(round, 0, sampled);
    }

    public void PartyFinished(int round, int partyId, bool ok, int done, int sampled) => Live(round, done, sampled);

    private void Live(int round, int done, int sampled)
    {
        if (!interactive) return;
        lock (_gate)
        {
            var acc = _lastAccuracy is { } a ? $"  accuracy so far {Units.Percent(a)}" : "";
            output.Write($"\rround {round}/{_rounds}  parties done {done}/{sampled}{acc}   ");
        }
    }

    public void RoundFinished(RoundRecord r)
    {
        lock (_gate)
        {
            _lastAccuracy = r.Accuracy;
            if (interactive) output.Write('\r');
            var failed = r.PartiesFailed > 0 ? $"  FAILED {string.Join(",", r.FailedParties)}" : "";
            output.WriteLine(
                $"round {r.Round}/{_rounds}  accuracy {Units.Percent(r.Accuracy)}  loss {r.Loss:F4}  f1 {r.F1Macro:F4}  " +
                $"parties {r.PartiesOk}/{r.PartiesSampled}  up {Units.Megabytes(r.BytesUp)}  down {Units.Megabytes(r.BytesDown)}  {r.Seconds:F1}s{failed}");
        }
    }
}
