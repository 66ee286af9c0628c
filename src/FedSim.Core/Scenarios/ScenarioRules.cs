using System.Globalization;

namespace FedSim.Core.Scenarios;

/// <summary>Checks that involve more than one key, each error located at the key that should change.</summary>
internal static class ScenarioRules
{
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
        if (s.Compression.Downlink.Component?.Implementation is Codecs.ICodecComponent { UpdatesOnly: true })
            Add("compression.downlink",
                $"'{s.Compression.Downlink.Name}' sends only part of what it is given and would replace the global model; it is for updates, so only an uplink codec (choose one that sends every value)");
    }
}
