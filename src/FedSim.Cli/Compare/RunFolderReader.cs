using System.Globalization;
using System.Text.Json;
using FedSim.Core.Metrics;
using FedSim.Core.Sweeps;
using nietras.SeparatedValues;

namespace FedSim.Cli.Compare;

/// <summary>Reads a finished run's summary.json and metrics.csv.</summary>
internal static class RunFolderReader
{
    /// <summary>True when the folder holds a summary.json saying <c>"status": "completed"</c>.</summary>
    public static bool IsCompleted(string runDir)
    {
        var path = Path.Combine(runDir, "summary.json");
        if (!File.Exists(path)) return false;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.TryGetProperty("status", out var s) && s.GetString() == "completed";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The outcome of a run folder; a missing or unreadable summary gives <paramref name="fallbackStatus"/>.</summary>
    public static CellOutcome Read(SweepCell cell, string runDir, string fallbackStatus, string? error)
    {
        var accuracy = ReadProgress(Path.Combine(runDir, "metrics.csv"));
        var path = Path.Combine(runDir, "summary.json");
        if (!File.Exists(path)) return new CellOutcome(cell, fallbackStatus, accuracy.Count, null, null, 0, 0, 0, accuracy, error ?? "no summary.json");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var r = doc.RootElement;
            var status = Str(r, "status") ?? fallbackStatus;
            return new CellOutcome(cell, status, Int(r, "rounds_completed"), Num(r, "final_accuracy"), Num(r, "best_accuracy"),
                Long(r, "total_bytes_up"), Long(r, "total_bytes_down"), Num(r, "wall_seconds") ?? 0, accuracy, Str(r, "error") ?? error)
            {
                Targets = Targets(r),
            };
        }
        catch (JsonException e)
        {
            return new CellOutcome(cell, fallbackStatus, accuracy.Count, null, null, 0, 0, 0, accuracy, error ?? "summary.json: " + e.Message);
        }
    }

    private static string? Str(JsonElement r, string name) =>
        r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Num(JsonElement r, string name) =>
        r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static int Int(JsonElement r, string name) => (int)(Num(r, name) ?? 0);

    private static long Long(JsonElement r, string name) =>
        r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;

    /// <summary>summary.json's <c>accuracy_targets</c> (none in runs recorded before it existed).</summary>
    private static List<TargetCrossing> Targets(JsonElement r)
    {
        if (!r.TryGetProperty("accuracy_targets", out var list) || list.ValueKind != JsonValueKind.Array) return [];
        return list.EnumerateArray().Select(t => new TargetCrossing(Num(t, "accuracy") ?? double.NaN, (int?)Num(t, "round"), Num(t, "sim_seconds"),
            (long?)Num(t, "bytes_up"), (long?)Num(t, "bytes_down"))).ToList();
    }

    private static readonly string[] ProgressColumns = ["round", "bytes_up", "bytes_down", "sim_clock_seconds"];

    /// <summary>Per round: accuracy, cumulative bytes each way, and the simulated clock (0 in runs recorded before it existed).</summary>
    public static List<ProgressPoint> ReadProgress(string metricsPath)
    {
        var result = new List<ProgressPoint>();
        if (!File.Exists(metricsPath)) return result;
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(File.ReadAllText(metricsPath));
        if (!reader.Header.TryIndexOf("accuracy", out var column)) return result;
        var columns = ProgressColumns.Select(c => reader.Header.TryIndexOf(c, out var i) ? i : -1).ToArray();
        var (up, down) = (0L, 0L);
        foreach (var row in reader)
        {
            var values = new double?[columns.Length + 1];
            values[0] = column < row.ColCount ? Parse(row[column].ToString()) : null;
            for (var c = 0; c < columns.Length; c++) values[c + 1] = columns[c] >= 0 && columns[c] < row.ColCount ? Parse(row[columns[c]].ToString()) : null;
            if (values[0] is not { } accuracy) continue;
            up += (long)(values[2] ?? 0);
            down += (long)(values[3] ?? 0);
            result.Add(new ProgressPoint((int?)values[1] ?? result.Count + 1, accuracy, values[4] ?? 0, up, down));
        }
        return result;
    }

    private static double? Parse(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
