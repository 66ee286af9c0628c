using FedSim.Core.Algorithms;
using FedSim.Core.Metrics;

namespace FedSim.Coordinator;

/// <summary>A round's rows for metrics.csv and parties.csv, from its outcomes.</summary>
internal static class RoundRows
{
    public static RoundRecord Round(int round, ClassificationMetrics metrics, double loss, List<PartyResult> results,
        IReadOnlyDictionary<int, PartyUpdateStats> updates, List<PartyFailure> failures, IReadOnlyDictionary<string, object> strategyMetrics,
        RoundTraffic traffic)
    {
        var trainSeconds = Summary.Of(results.Select(r => r.TrainSeconds));
        var ordered = updates.Values.OrderBy(u => u.PartyId).ToList();
        var norms = Summary.Of(ordered.Select(u => u.UpdateNorm));
        var cosines = Summary.Of(ordered.Select(u => u.CosineToAggregate));
        double examples = results.Sum(r => r.NumExamples);
        return new RoundRecord(round, metrics.Accuracy, loss, metrics.PrecisionMacro, metrics.RecallMacro, metrics.F1Macro,
            results.Sum(r => r.TrainLoss * r.NumExamples) / examples, traffic.BytesUp, traffic.BytesDown, traffic.Seconds, traffic.EvalSeconds,
            trainSeconds.Mean, trainSeconds.Std, trainSeconds.Max, norms.Mean, norms.Std, cosines.Mean, cosines.Std,
            traffic.Sampled, results.Count, failures.Count, failures.Select(f => f.PartyId).ToList())
        {
            StrategyMetrics = strategyMetrics,
            CompressionRatioUp = RoundRecord.Ratio(traffic.Fp32BytesUp, traffic.BytesUp),
            CompressionRatioDown = RoundRecord.Ratio(traffic.Fp32BytesDown, traffic.BytesDown),
        };
    }

    /// <summary>One parties.csv row per sampled party; <paramref name="okNote"/> explains an answer that was not aggregated.</summary>
    public static IEnumerable<PartyRoundRecord> Parties(int round, IEnumerable<(TrainingTask Task, TaskOutcome Outcome)> outcomes,
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
                t.SimSeconds, o.Outcome.Failure ?? okNote);
        });
}
