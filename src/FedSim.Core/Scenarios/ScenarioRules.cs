using System.Globalization;

namespace FedSim.Core.Scenarios;

/// <summary>Checks that involve more than one key, each error located at the key that should change.</summary>
internal static class ScenarioRules
{
    /// <summary>The longest run name (UTF-8 bytes): with the folder's timestamp suffix it stays under 255.</summary>
    public const int MaxNameBytes = 200;

    public static void Check(Scenario s, RawMap raw, string source, List<ScenarioError> errors)
    {
        void Add(string field, string message)
        {
            var at = raw.Find(field);
            errors.Add(new ScenarioError(at?.Source ?? source, at?.Line, field, message));
        }
        if (s.Federation.MinParties > s.PartiesPerRound)
            Add("federation.min_parties",
                $"{s.Federation.MinParties} is more than the {s.PartiesPerRound} parties sampled per round (partition.parties {s.Partition.Parties} x federation.fraction {s.Federation.Fraction.ToString(CultureInfo.InvariantCulture)})");
        if (s.Deployment.Mode == "processes" && s.Deployment.PartyProcesses > s.Partition.Parties)
            Add("deployment.party_processes", $"{s.Deployment.PartyProcesses} processes for only {s.Partition.Parties} parties");
        foreach (var key in new[] { "bandwidth_up_mbps", "bandwidth_down_mbps" })
        {
            var choice = s.System.DeviceSettings().First(d => d.Key == key).Choice;
            if (choice.Name != Systems.Constant.Name && choice.Component?.Implementation is Systems.IDistributionComponent d && d.Lowest(choice.Options) <= 0)
                Add($"system.{key}", $"'{choice.Name}' can draw a bandwidth of 0 or less; give it a positive low or floor (only a constant 0 means unlimited)");
        }
        if (System.Text.Encoding.UTF8.GetByteCount(s.Name) > MaxNameBytes)
            Add("name", $"{System.Text.Encoding.UTF8.GetByteCount(s.Name)} bytes long; a run folder is named NAME-YYYYMMDD-HHMMSS and file systems allow 255 bytes, so at most {MaxNameBytes}");
        Asynchrony(s, Add);
        Traces(s, Add);
        if (s.Compression.Downlink.Component?.Implementation is Codecs.ICodecComponent { UpdatesOnly: true })
            Add("compression.downlink",
                $"'{s.Compression.Downlink.Name}' sends only part of what it is given and would replace the global model; it is for updates, so only an uplink codec (choose one that sends every value)");
        DownlinkDelta(s, Add);
    }

    /// <summary>A delta downlink needs a lossy codec (a lossless one sends the model exactly anyway) and rounds.</summary>
    private static void DownlinkDelta(Scenario s, Action<string, string> add)
    {
        if (!s.Compression.DownlinkDelta) return;
        if (s.Compression.Downlink.Component?.Implementation is Codecs.ICodecComponent codec
            && codec.Create(s.Compression.Downlink.Options).Lossless)
            add("compression.downlink_delta", $"'{s.Compression.Downlink.Name}' sends the global model exactly, so a difference gains nothing; choose a lossy compression.downlink (fp16, int8, ...) or leave it false");
        if (s.Federation.Mode == "async")
            add("compression.downlink_delta", "simulated for rounds only (sync mode) so far: in async mode which model a node holds when it fetches depends on timing; leave it false");
    }

    /// <summary>The mode and the algorithm agree, and async mode refuses what only rounds have.</summary>
    private static void Asynchrony(Scenario s, Action<string, string> add)
    {
        var isAsync = s.Federation.Algorithm.Component?.Implementation is Algorithms.IAsyncAlgorithm;
        if (s.Federation.Mode == "async" && !isAsync && s.Federation.Algorithm.Component is not null)
            add("federation.algorithm", $"'{s.Federation.Algorithm.Name}' runs in rounds; federation.mode: async needs an asynchronous algorithm (fedasync, fedbuff)");
        if (s.Federation.Mode != "async" && isAsync)
            add("federation.mode", $"'{s.Federation.Algorithm.Name}' is asynchronous: set federation.mode: async");
        if (s.Federation.Mode != "async") return;
        if (s.Federation.Concurrency > s.Partition.Parties)
            add("federation.concurrency", $"{s.Federation.Concurrency} parties training at once, but there are only {s.Partition.Parties}");
        if (s.System.DeadlineSeconds is not null) add("system.deadline_s", "async mode has no rounds to miss; leave it null");
        if (s.System.OverCommit != 1) add("system.over_commit", "async mode samples no rounds; leave it 1");
        if (s.System.Dropout != 0) add("system.dropout", "not simulated in async mode yet; leave it 0");
        if (s.Federation.Fraction != 1) add("federation.fraction", "async mode samples no rounds (federation.concurrency sets how many train at once); leave it 1");
    }

    /// <summary>
    /// A device trace sets compute and bandwidths: giving them values too is a contradiction, refused (their defaults,
    /// as a resolved scenario writes them, are not).
    /// </summary>
    private static void Traces(Scenario s, Action<string, string> add)
    {
        if (s.System.DeviceTrace is not null)
        {
            var unset = new SystemSection();
            foreach (var (key, choice) in s.System.DeviceSettings().Where(d => d.Key != "latency_ms"))
                if (!choice.Equals(unset.DeviceSettings().First(d => d.Key == key).Choice))
                    add($"system.{key}", $"system.device_trace ({s.System.DeviceTrace}) sets it for every party; remove one of the two");
        }
        if (s.System.AvailabilityTrace is not null && s.System.Availability != 1)
            add("system.availability", $"system.availability_trace ({s.System.AvailabilityTrace}) decides who is online; remove one of the two");
    }
}
