using System.Globalization;
using System.Text.Json;
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
        var accuracy = ReadAccuracy(Path.Combine(runDir, "metrics.csv"));
        var path = Path.Combine(runDir, "summary.json");
        if (!File.Exists(path)) return new CellOutcome(cell, fallbackStatus, accuracy.Count, null, null, 0, 0, 0, accuracy, error ?? "no summary.json");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var r = doc.RootElement;
            var status = Str(r, "status") ?? fallbackStatus;
            return new CellOutcome(cell, status, Int(r, "rounds_completed"), Num(r, "final_accuracy"), Num(r, "best_accuracy"),
                Long(r, "total_bytes_up"), Long(r, "total_bytes_down"), Num(r, "wall_seconds") ?? 0, accuracy, Str(r, "error") ?? error);
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

    private static List<double> ReadAccuracy(string metricsPath)
    {
        var result = new List<double>();
        if (!File.Exists(metricsPath)) return result;
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(File.ReadAllText(metricsPath));
        if (!reader.Header.TryIndexOf("accuracy", out var column)) return result;
        foreach (var row in reader)
            if (column < row.ColCount && double.TryParse(row[column].Span, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)) result.Add(a);
        return result;
    }
}
