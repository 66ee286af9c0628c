using System.Text.Json;
using FedSim.Core.Partitioning;
using FedSim.Core.Weights;

namespace FedSim.Coordinator;

/// <summary>
/// Writes the run folder: scenario.yaml, partition.json, metrics.csv (a row per round), parties.csv (a row per party
/// per round) and summary.json. Every file is replaced atomically after each round, so an interrupted run keeps what it had.
/// </summary>
public sealed class RunRecorder(string directory)
{
    public static readonly string[] MetricsHeader =
    [
        "round", "accuracy", "loss", "precision_macro", "recall_macro", "f1_macro", "train_loss", "bytes_up", "bytes_down",
        "compression_ratio_up", "compression_ratio_down", "seconds", "eval_seconds", "sim_round_seconds", "sim_clock_seconds", "train_seconds_mean", "train_seconds_std", "train_seconds_max", "update_norm_mean",
        "update_norm_std", "cosine_mean", "cosine_std", "parties_sampled", "parties_ok", "parties_failed", "failed_parties",
    ];

    public static readonly string[] PartiesHeader =
    [
        "round", "party", "status", "examples", "local_steps", "train_loss", "train_seconds", "bytes_up", "bytes_down",
        "update_norm", "cosine_to_aggregate", "task_seconds", "wait_seconds", "fetch_seconds", "upload_seconds", "comm_seconds", "sim_seconds", "error",
    ];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly List<RoundRecord> _rounds = [];
    private readonly List<PartyRoundRecord> _parties = [];

    public string Directory { get; } = directory;

    public IReadOnlyList<RoundRecord> Rounds => _rounds;

    /// <summary>Writes the run's first files: <paramref name="scenarioYaml"/> (the resolved scenario, as the schema writes it) and the partition.</summary>
    public void WriteStart(string scenarioYaml, PartitionReport partition)
    {
        System.IO.Directory.CreateDirectory(Directory);
        AtomicFile.WriteAllText(Path.Combine(Directory, "scenario.yaml"), scenarioYaml);
        AtomicFile.WriteAllBytes(Path.Combine(Directory, "partition.json"), PartitionJson.Serialize(partition));
        AtomicFile.WriteAllText(Path.Combine(Directory, "metrics.csv"), CsvText.Table(MetricsHeader, []));
        AtomicFile.WriteAllText(Path.Combine(Directory, "parties.csv"), CsvText.Table(PartiesHeader, []));
    }

    /// <summary>
    /// Appends a round: metrics.csv gets its fixed columns, then one column per strategy metric any round reported so far
    /// (in the order they first appeared; empty where a round did not report it).
    /// </summary>
    internal void AppendRound(RoundRecord round, IEnumerable<PartyRoundRecord> parties)
    {
        _rounds.Add(round);
        var extra = _rounds.SelectMany(r => r.StrategyMetrics.Keys).Distinct().ToList();
        AtomicFile.WriteAllText(Path.Combine(Directory, "metrics.csv"), CsvText.Table(MetricsHeader.Concat(extra), _rounds.Select(r => new object?[]
        {
            r.Round, r.Accuracy, r.Loss, r.PrecisionMacro, r.RecallMacro, r.F1Macro, r.TrainLoss, r.BytesUp, r.BytesDown,
            r.CompressionRatioUp, r.CompressionRatioDown, r.Seconds, r.EvalSeconds, r.SimRoundSeconds, r.SimClockSeconds, r.TrainSecondsMean, r.TrainSecondsStd, r.TrainSecondsMax, r.UpdateNormMean,
            r.UpdateNormStd, r.CosineMean, r.CosineStd, r.PartiesSampled, r.PartiesOk, r.PartiesFailed,
            string.Join(' ', r.FailedParties),
        }.Concat(extra.Select(k => r.StrategyMetrics.GetValueOrDefault(k))))));
        AppendParties(parties);
    }

    /// <summary>
    /// Party rows alone: for a round that produced no model (fewer answers than federation.min_parties), parties.csv
    /// still keeps every sampled party's outcome and reason, while metrics.csv gets no row.
    /// </summary>
    internal void AppendParties(IEnumerable<PartyRoundRecord> parties)
    {
        _parties.AddRange(parties);
        AtomicFile.WriteAllText(Path.Combine(Directory, "parties.csv"), CsvText.Table(PartiesHeader, _parties.Select(p => new object?[]
        {
            p.Round, p.PartyId, p.Status, p.NumExamples, p.LocalSteps, p.TrainLoss, p.TrainSeconds, p.BytesUp, p.BytesDown,
            p.UpdateNorm, p.CosineToAggregate, p.TaskSeconds, p.WaitSeconds, p.FetchSeconds, p.UploadSeconds, p.CommSeconds, p.SimSeconds, p.Error,
        })));
    }

    /// <summary>The global model after <paramref name="round"/> (or server step), replaced atomically each time: <c>model.safetensors</c>.</summary>
    public void WriteModel(ModelWeights global, int round) =>
        AtomicFile.WriteAllBytes(Path.Combine(Directory, ModelFile),
            SafeTensors.Encode(global, new Dictionary<string, string> { ["round"] = round.ToString(System.Globalization.CultureInfo.InvariantCulture), ["written_by"] = "fedsim" }));

    /// <summary>The run folder's global model file.</summary>
    public const string ModelFile = "model.safetensors";

    public void WriteSummary(RunSummary summary) =>
        AtomicFile.WriteAllText(Path.Combine(Directory, "summary.json"), JsonSerializer.Serialize(summary, JsonOptions) + "\n");
}
