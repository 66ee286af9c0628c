using nietras.SeparatedValues;

namespace FedSim.Tests.Shared;

/// <summary>
/// Reads the CSV files a run writes (metrics.csv, parties.csv, results.csv) with Sep: a record per row, by header name,
/// quoted fields unescaped, a missing trailing cell as "". Linked into each test project that checks run folders.
/// </summary>
internal static class Csv
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(File.ReadAllText(path));
        var header = reader.Header.ColNames;
        var records = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            if (row.Span.Length == 0) continue;
            var record = new Dictionary<string, string>(header.Count);
            for (var i = 0; i < header.Count; i++) record.Add(header[i], i < row.ColCount ? row[i].ToString() : "");
            records.Add(record);
        }
        return records;
    }
}
