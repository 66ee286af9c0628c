using System.Globalization;

namespace FedSim.Core;

/// <summary>Party id lists as text: "0-4,7,9-10".</summary>
public static class RangeText
{
    public const int MaxIds = 10_000_000;

    public static int[] Parse(string text)
    {
        var result = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = part.IndexOf('-', 1);
            if (dash < 0)
            {
                result.Add(ParseId(part, text));
                continue;
            }
            int from = ParseId(part[..dash], text), to = ParseId(part[(dash + 1)..], text);
            if (to < from) throw new FormatException($"'{part}' in '{text}': range end is before its start");
            if ((long)to - from >= MaxIds) throw new FormatException($"'{part}' in '{text}': more than {MaxIds} party ids");
            for (long i = from; i <= to; i++) result.Add((int)i);
        }
        if (result.Count == 0) throw new FormatException($"'{text}': no party ids (expected e.g. 0-4 or 0,2,5-7)");
        if (result.Distinct().Count() != result.Count) throw new FormatException($"'{text}': a party id is listed twice");
        return result.ToArray();
    }

    private static int ParseId(string s, string whole) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"'{s}' in '{whole}' is not a party id (expected e.g. 0-4 or 0,2,5-7)");

    public static string Format(IEnumerable<int> ids)
    {
        var sorted = ids.Order().ToArray();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j + 1 < sorted.Length && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(j == i ? sorted[i].ToString(CultureInfo.InvariantCulture) : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }
        return string.Join(",", parts);
    }
}
