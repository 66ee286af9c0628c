using System.Globalization;
using System.Text;

namespace FedSim.Core.Scenarios;

/// <summary>Writes a scenario back as YAML with every key resolved, so a run folder says exactly what ran.</summary>
public static class ScenarioWriter
{
    public static string ToYaml(Scenario s)
    {
        var values = new Dictionary<string, object?>
        {
            ["name"] = s.Name,
            ["seed"] = s.Seed,
            ["dataset.name"] = s.Dataset.Name,
            ["dataset.path"] = s.Dataset.Path,
            ["dataset.test_path"] = s.Dataset.TestPath,
            ["dataset.test_fraction"] = s.Dataset.TestFraction,
            ["dataset.label_column"] = s.Dataset.LabelColumn,
            ["dataset.group_column"] = s.Dataset.GroupColumn,
            ["dataset.samples"] = s.Dataset.Samples,
            ["partition.strategy"] = s.Partition.Strategy,
            ["partition.parties"] = s.Partition.Parties,
            ["partition.beta"] = s.Partition.Beta,
            ["partition.min_size"] = s.Partition.MinSize,
            ["partition.classes_per_party"] = s.Partition.ClassesPerParty,
            ["partition.noise_sigma"] = s.Partition.NoiseSigma,
            ["model"] = s.Model,
            ["training.local_epochs"] = s.Training.LocalEpochs,
            ["training.batch_size"] = s.Training.BatchSize,
            ["training.lr"] = s.Training.Lr,
            ["training.momentum"] = s.Training.Momentum,
            ["training.weight_decay"] = s.Training.WeightDecay,
            ["federation.algorithm"] = s.Federation.Algorithm,
            ["federation.rounds"] = s.Federation.Rounds,
            ["federation.fraction"] = s.Federation.Fraction,
            ["federation.min_parties"] = s.Federation.MinParties,
            ["federation.mu"] = s.Federation.Mu,
            ["federation.round_timeout_s"] = s.Federation.RoundTimeoutSeconds,
            ["federation.node_timeout_s"] = s.Federation.NodeTimeoutSeconds,
            ["deployment.mode"] = s.Deployment.Mode,
            ["deployment.party_processes"] = s.Deployment.PartyProcesses,
            ["deployment.workers"] = s.Deployment.Workers,
        };
        var sb = new StringBuilder();
        string? section = null;
        foreach (var field in ScenarioSchema.Fields)
        {
            var dot = field.Path.IndexOf('.');
            var key = field.Path;
            if (dot > 0)
            {
                var sec = field.Path[..dot];
                if (sec != section) sb.Append(sec).Append(":\n");
                section = sec;
                key = "  " + field.Path[(dot + 1)..];
            }
            else section = null;
            sb.Append(key).Append(": ").Append(Format(values[field.Path])).Append('\n');
        }
        return sb.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string str => Quote(str),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    /// <summary>Plain when unambiguous, else a double-quoted string (JSON escaping is valid YAML).</summary>
    private static string Quote(string s) =>
        s.Length > 0 && (char.IsLetterOrDigit(s[0]) || s[0] is '/' or '_')
            && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
            && !double.TryParse(s, CultureInfo.InvariantCulture, out _)
            && s is not ("null" or "true" or "false" or "yes" or "no" or "on" or "off" or "~")
            ? s
            : System.Text.Json.JsonSerializer.Serialize(s);
}
