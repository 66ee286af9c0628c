using System.Text;

namespace FedSim.Cli.Tests;

/// <summary>Reads the CSV files a run writes: one record per line, fields quoted (with "" for a quote) when they hold a comma.</summary>
internal static class Csv
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Fields(lines[0]);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var cells = Fields(l);
            return header.Select((h, i) => (h, v: i < cells.Count ? cells[i] : "")).ToDictionary(x => x.h, x => x.v);
        }).ToList();
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') field.Append(line[++i]);
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
