using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FedSim.Core.Scenarios;

/// <summary>
/// Reads scenario YAML text plus <c>key.path=value</c> overrides into a validated <see cref="Scenario"/>.
/// Every problem is reported with its source, line and field; unknown keys are errors, not ignored.
/// </summary>
public static class ScenarioLoader
{
    private sealed record RawValue(string? Text, string Source, int? Line);

    public static Scenario Parse(string yaml, string source, IEnumerable<string>? overrides = null)
    {
        var errors = new List<ScenarioError>();
        var raw = ReadYaml(yaml, source, errors);
        if (errors.Count > 0) throw new ScenarioException(errors);
        foreach (var o in overrides ?? []) ApplyOverride(raw, o, errors);
        var values = new Dictionary<string, object?>();
        foreach (var field in ScenarioSchema.Fields)
        {
            if (!raw.TryGetValue(field.Path, out var value))
            {
                values[field.Path] = field.Default;
                continue;
            }
            var (parsed, error) = field.Parse(value.Text);
            if (error is not null) errors.Add(new ScenarioError(value.Source, value.Line, field.Path, error));
            values[field.Path] = parsed;
        }
        if (errors.Count > 0) throw new ScenarioException(errors);

        var scenario = Build(values);
        CheckCrossField(scenario, raw, source, errors);
        if (errors.Count > 0) throw new ScenarioException(errors);
        return scenario;
    }

    private static Dictionary<string, RawValue> ReadYaml(string yaml, string source, List<ScenarioError> errors)
    {
        var result = new Dictionary<string, RawValue>(StringComparer.Ordinal);
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            errors.Add(new ScenarioError(source, (int)e.Start.Line, "syntax", message.Trim()));
            return result;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up on some malformed input (e.g. an unclosed '[') without a position;
            // the last event it parsed is where the trouble starts.
            var line = parser.Current is { } last ? (int)last.End.Line : 1;
            errors.Add(new ScenarioError(source, line, "syntax", "malformed YAML after this point (an unclosed '[' or '{'?)"));
            return result;
        }
        if (stream.Documents.Count == 0) return result;
        if (stream.Documents.Count > 1)
        {
            errors.Add(new ScenarioError(source, (int)stream.Documents[1].RootNode.Start.Line, "syntax", "a scenario file holds one YAML document"));
            return result;
        }
        var root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" or "~" }) return result;
        if (root is not YamlMappingNode map)
        {
            errors.Add(new ScenarioError(source, (int)root.Start.Line, "(top level)", "expected a mapping of keys to values"));
            return result;
        }
        Flatten(map, "", source, result, errors);
        return result;
    }

    private static void Flatten(YamlMappingNode map, string prefix, string source, Dictionary<string, RawValue> result, List<ScenarioError> errors)
    {
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var path = prefix + key;
            var line = (int)keyNode.Start.Line;
            if (key.Contains('.'))
            {
                errors.Add(new ScenarioError(source, line, path, $"write nested keys as a mapping ({key.Replace(".", ":\n  ")}), not with dots"));
                continue;
            }
            if (ScenarioSchema.Sections.Contains(path))
            {
                if (valueNode is YamlMappingNode child) Flatten(child, path + ".", source, result, errors);
                else if (valueNode is not YamlScalarNode { Value: null or "" or "~" })
                    errors.Add(new ScenarioError(source, line, path, $"expected a mapping with keys {string.Join(", ", KeysUnder(path))}"));
                continue;
            }
            if (ScenarioSchema.Find(path) is null)
            {
                errors.Add(new ScenarioError(source, line, path, UnknownKeyMessage(path)));
                continue;
            }
            if (valueNode is not YamlScalarNode scalar)
            {
                errors.Add(new ScenarioError(source, (int)valueNode.Start.Line, path, $"expected a single value ({ScenarioSchema.Find(path)!.Describe()})"));
                continue;
            }
            // Only a plain null (~, null or nothing) is missing; a quoted "null" is the string null.
            var text = scalar.Style is ScalarStyle.Plain && scalar.Value is "~" or "null" or "" ? null : scalar.Value;
            result[path] = new RawValue(text, source, (int)scalar.Start.Line);
        }
    }

    private static void ApplyOverride(Dictionary<string, RawValue> raw, string assignment, List<ScenarioError> errors)
    {
        var eq = assignment.IndexOf('=');
        if (eq <= 0)
        {
            errors.Add(new ScenarioError("--set", null, assignment, "expected key.path=value"));
            return;
        }
        var path = assignment[..eq].Trim();
        if (ScenarioSchema.Find(path) is null)
        {
            errors.Add(new ScenarioError("--set", null, path, UnknownKeyMessage(path)));
            return;
        }
        var value = assignment[(eq + 1)..].Trim();
        raw[path] = new RawValue(value is "" or "~" or "null" ? null : value, "--set", null);
    }

    private static string UnknownKeyMessage(string path)
    {
        var dot = path.LastIndexOf('.');
        var parent = dot < 0 ? "" : path[..dot];
        var siblings = dot < 0
            ? ScenarioSchema.Fields.Select(f => f.Path.Split('.')[0]).Distinct()
            : KeysUnder(parent);
        var list = siblings.ToList();
        return list.Count == 0
            ? "unknown key"
            : $"unknown key (known{(dot < 0 ? "" : " under " + parent)}: {string.Join(", ", list)})";
    }

    private static IEnumerable<string> KeysUnder(string section) =>
        ScenarioSchema.Fields.Where(f => f.Path.StartsWith(section + ".", StringComparison.Ordinal))
            .Select(f => f.Path[(section.Length + 1)..]);

    private static Scenario Build(Dictionary<string, object?> v) => new(
        Name: (string)v["name"]!,
        Seed: (int)v["seed"]!,
        Dataset: new DatasetSection((string)v["dataset.name"]!, (string?)v["dataset.path"])
        {
            TestPath = (string?)v["dataset.test_path"],
            TestFraction = ToDouble(v["dataset.test_fraction"]),
            LabelColumn = (int)v["dataset.label_column"]!,
            GroupColumn = (int)v["dataset.group_column"]!,
            Samples = (int)v["dataset.samples"]!,
        },
        Partition: new PartitionSection((string)v["partition.strategy"]!, (int)v["partition.parties"]!,
            ToDouble(v["partition.beta"]), (int)v["partition.min_size"]!)
        {
            ClassesPerParty = (int)v["partition.classes_per_party"]!,
            NoiseSigma = ToDouble(v["partition.noise_sigma"]),
        },
        Model: (string)v["model"]!,
        Training: new TrainingSection((int)v["training.local_epochs"]!, (int)v["training.batch_size"]!,
            ToDouble(v["training.lr"]), ToDouble(v["training.momentum"]), ToDouble(v["training.weight_decay"])),
        Federation: new FederationSection((string)v["federation.algorithm"]!, (int)v["federation.rounds"]!,
            ToDouble(v["federation.fraction"]), (int)v["federation.min_parties"]!, ToDouble(v["federation.round_timeout_s"]))
        {
            Mu = ToDouble(v["federation.mu"]),
            NodeTimeoutSeconds = ToDouble(v["federation.node_timeout_s"]),
        },
        Deployment: new DeploymentSection((string)v["deployment.mode"]!, (int)v["deployment.party_processes"]!,
            (int)v["deployment.workers"]!));

    private static double ToDouble(object? o) => Convert.ToDouble(o, CultureInfo.InvariantCulture);

    private static void CheckCrossField(Scenario s, Dictionary<string, RawValue> raw, string source, List<ScenarioError> errors)
    {
        void Add(string field, string message)
        {
            raw.TryGetValue(field, out var at);
            errors.Add(new ScenarioError(at?.Source ?? source, at?.Line, field, message));
        }
        if (s.Federation.MinParties > s.PartiesPerRound)
            Add("federation.min_parties",
                $"{s.Federation.MinParties} is more than the {s.PartiesPerRound} parties sampled per round (partition.parties {s.Partition.Parties} x federation.fraction {s.Federation.Fraction.ToString(CultureInfo.InvariantCulture)})");
        if (s.Deployment.Mode == "processes" && s.Deployment.PartyProcesses > s.Partition.Parties)
            Add("deployment.party_processes", $"{s.Deployment.PartyProcesses} processes for only {s.Partition.Parties} parties");
    }
}
