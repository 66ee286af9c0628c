namespace FedSim.Core.Systems.Traces;

/// <summary>
/// FedScale's trace files (Python pickles of plain dicts): device capacities
/// <c>{client_id: {"computation": ms per sample, "communication": kbit/s}}</c> and behaviour
/// <c>{client_id: {"active": [s...], "inactive": [s...], "finish_time": s, ...}}</c>. Clients come back in id order;
/// every problem names the file and the client.
/// </summary>
public static class FedScaleTraces
{
    public static IReadOnlyList<TraceDevice> Devices(ReadOnlySpan<byte> pickle, string source) =>
        Clients(pickle, source).Select(c => new TraceDevice(c.Id,
            Positive(Number(c, "computation", source), c, "computation", source),
            Positive(Number(c, "communication", source), c, "communication", source))).ToList();

    public static IReadOnlyList<TraceAvailability> Behaviour(ReadOnlySpan<byte> pickle, string source) =>
        Clients(pickle, source).Select(c =>
        {
            var active = Numbers(c, "active", source);
            var inactive = Numbers(c, "inactive", source);
            if (active.Count != inactive.Count)
                throw new InvalidDataException($"{source}: client {c.Id}: {active.Count} 'active' times but {inactive.Count} 'inactive' ones");
            if (active.Where((a, i) => a > inactive[i]).Any())
                throw new InvalidDataException($"{source}: client {c.Id}: an 'active' time after its 'inactive' one");
            return new TraceAvailability(c.Id, active, inactive, Positive(Number(c, "finish_time", source), c, "finish_time", source));
        }).ToList();

    private static List<(long Id, Dictionary<object, object?> Fields)> Clients(ReadOnlySpan<byte> pickle, string source)
    {
        object? root;
        try
        {
            root = PickleReader.Read(pickle);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"{source}: not a readable pickle ({e.Message})", e);
        }
        if (root is not Dictionary<object, object?> clients || clients.Count == 0)
            throw new InvalidDataException($"{source}: expected a non-empty dict of client id -> fields, got {Describe(root)}");
        return clients.Select(kv => (
            Id: kv.Key is long id ? id : throw new InvalidDataException($"{source}: client key {Describe(kv.Key)} is not an integer id"),
            Fields: kv.Value as Dictionary<object, object?> ?? throw new InvalidDataException($"{source}: client {kv.Key}: expected a dict of fields, got {Describe(kv.Value)}")))
            .OrderBy(c => c.Id).ToList();
    }

    private static double Number((long Id, Dictionary<object, object?> Fields) c, string key, string source) =>
        c.Fields.GetValueOrDefault(key) switch
        {
            double d when double.IsFinite(d) => d,
            long l => l,
            var other => throw new InvalidDataException($"{source}: client {c.Id}: '{key}' should be a number, got {Describe(other)}"),
        };

    private static List<double> Numbers((long Id, Dictionary<object, object?> Fields) c, string key, string source) =>
        c.Fields.GetValueOrDefault(key) is List<object?> list
            ? list.Select(v => v switch
            {
                double d when double.IsFinite(d) => d,
                long l => (double)l,
                _ => throw new InvalidDataException($"{source}: client {c.Id}: '{key}' holds {Describe(v)}, not a number"),
            }).ToList()
            : throw new InvalidDataException($"{source}: client {c.Id}: '{key}' should be a list of seconds, got {Describe(c.Fields.GetValueOrDefault(key))}");

    private static double Positive(double v, (long Id, Dictionary<object, object?> Fields) c, string key, string source) =>
        v > 0 ? v : throw new InvalidDataException($"{source}: client {c.Id}: '{key}' is {v}, not positive");

    private static string Describe(object? v) => v switch
    {
        null => "None",
        string s => $"the string '{s}'",
        Dictionary<object, object?> => "a dict",
        List<object?> => "a list",
        _ => v.ToString() ?? "?",
    };
}
