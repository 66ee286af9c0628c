using System.Globalization;
using System.Text;

namespace FedSim.Coordinator;

/// <summary>Minimal CSV: invariant-culture numbers, fields quoted only when they need it.</summary>
public static class CsvText
{
    public static string Field(object? value) => value switch
    {
        null => "",
        double d => d.ToString("G9", CultureInfo.InvariantCulture),
        float f => f.ToString("G7", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? ""),
    };

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";

    public static string Table(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        var sb = new StringBuilder().AppendJoin(',', header).Append('\n');
        foreach (var row in rows) sb.AppendJoin(',', row.Select(Field)).Append('\n');
        return sb.ToString();
    }
}
