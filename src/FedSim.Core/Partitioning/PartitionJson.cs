using System.Text.Json;

namespace FedSim.Core.Partitioning;

/// <summary>
/// <c>partition.json</c>: classes, per-party dataidxs, class counts and heterogeneity figures, and the run-level summary.
/// Deterministic: the same report always gives the same bytes.
/// </summary>
public static class PartitionJson
{
    public static byte[] Serialize(PartitionReport report)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WriteString("strategy", report.Strategy);
            w.WriteNumber("seed", report.Seed);
            w.WriteNumber("classes", report.Classes);
            w.WriteNumber("total_samples", report.TotalSamples);
            w.WriteNumber("mean_js_divergence", Math.Round(report.MeanJsDivergence, 6));
            w.WriteNumber("max_js_divergence", Math.Round(report.MaxJsDivergence, 6));
            w.WriteNumber("size_cv", Math.Round(report.SizeCoefficientOfVariation, 6));
            w.WriteStartArray("parties");
            // One party per line keeps the file readable and diffable while dataidxs stay compact.
            foreach (var p in report.Parties) w.WriteRawValue(PartyLine(p));
            w.WriteEndArray();
            w.WriteEndObject();
        }
        ms.WriteByte((byte)'\n');
        return ms.ToArray();
    }

    private static byte[] PartyLine(PartyDataStats p)
    {
        using var ms = new MemoryStream();
        ms.WriteByte((byte)'\n');
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteNumber("id", p.Id);
            w.WriteNumber("size", p.Size);
            w.WriteNumber("classes_present", p.ClassesPresent);
            w.WriteNumber("label_entropy", Math.Round(p.LabelEntropy, 6));
            w.WriteNumber("js_divergence", Math.Round(p.JsDivergence, 6));
            // A party's input transforms (feature noise: noise_std), not rounded: they are training parameters, not summary figures.
            foreach (var t in p.Transforms)
                foreach (var (key, value) in t.Describe()) w.WriteNumber(key, value);
            w.WriteStartArray("class_counts");
            foreach (var c in p.ClassCounts) w.WriteNumberValue(c);
            w.WriteEndArray();
            w.WriteStartArray("dataidxs");
            foreach (var i in p.DataIdxs) w.WriteNumberValue(i);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return ms.ToArray();
    }
}
