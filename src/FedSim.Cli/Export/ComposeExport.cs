using System.Globalization;
using FedSim.Core.Yaml;
using Map = System.Collections.Generic.Dictionary<string, object?>;

namespace FedSim.Cli.Export;

/// <summary>
/// A docker compose project for one scenario: a coordinator and <see cref="DeploymentPlan.PartyNodes"/> replicas of
/// one party service, the resolved <c>scenario.yaml</c> beside <c>compose.yaml</c>, the dataset mounted read-only
/// and the run folder on the named volume <c>results</c>.
/// </summary>
internal static class ComposeExport
{
    public const string ComposeFileName = "compose.yaml";
    public const string ResultsVolume = "results";

    public static IReadOnlyList<ExportFile> Files(DeploymentPlan plan) =>
    [
        new(ComposeFileName, YamlText.Serialize(Document(plan))),
        new(ContainerLayout.ScenarioFileName, plan.ScenarioYaml),
    ];

    public static Map Document(DeploymentPlan plan)
    {
        var datasets = plan.Datasets.Select(d => (object?)Bind(d.Source, d.Target)).ToList();
        var coordinator = new Map
        {
            ["image"] = plan.Image,
            ["command"] = ContainerLayout.CoordinatorArgs.ToList(),
            ["ports"] = new List<object?> { $"{ContainerLayout.GrpcPort}:{ContainerLayout.GrpcPort}" },
            ["volumes"] = new List<object?>
            {
                Bind("./" + ContainerLayout.ScenarioFileName, ContainerLayout.ScenarioPath),
                new Map { ["type"] = "volume", ["source"] = ResultsVolume, ["target"] = ContainerLayout.ResultsDirectory },
            }.Concat(datasets).ToList(),
            ["healthcheck"] = HealthCheck(),
            // A finished run exits; restarting it would run the whole federation again over the same run folder.
            ["restart"] = "no",
            ["stop_grace_period"] = "30s",
            ["deploy"] = new Map { ["resources"] = Resources(DeploymentPlan.CoordinatorCpus,
                DeploymentPlan.CoordinatorMemoryRequestMiB, DeploymentPlan.CoordinatorMemoryLimitMiB) },
        };
        var party = new Map
        {
            ["image"] = plan.Image,
            ["command"] = ContainerLayout.PartyArgs("coordinator", plan.WorkersPerNode).ToList(),
            ["volumes"] = datasets,
            ["depends_on"] = new List<object?> { "coordinator" },
            ["healthcheck"] = HealthCheck(),
            ["restart"] = "on-failure",
            ["stop_grace_period"] = "30s",
            ["deploy"] = new Map
            {
                ["replicas"] = plan.PartyNodes,
                ["resources"] = Resources(plan.PartyCpus, plan.PartyMemoryRequestMiB, plan.PartyMemoryLimitMiB),
            },
        };
        var document = new Map
        {
            ["name"] = ProjectName(plan.Scenario.Name),
            ["services"] = new Map { ["coordinator"] = coordinator, ["party"] = party },
            ["volumes"] = new Map { [ResultsVolume] = new Map() },
        };
        return (Map)EscapeInterpolation(document)!;
    }

    /// <summary>
    /// The compose project: <c>fedsim-NAME</c> in compose's alphabet (lower-case letters, digits, '-', '_'), so the
    /// results volume is <c>fedsim-NAME_results</c> wherever the files are.
    /// </summary>
    public static string ProjectName(string scenarioName) =>
        "fedsim-" + KubernetesExport.LabelValue(scenarioName).ToLowerInvariant().Replace('.', '-');

    private static Map Bind(string source, string target) => new()
    {
        ["type"] = "bind",
        ["source"] = source,
        ["target"] = target,
        ["read_only"] = true,
    };

    private static Map HealthCheck() => new()
    {
        ["test"] = new List<object?> { "CMD" }.Concat(ContainerLayout.HealthCheck).ToList(),
        ["interval"] = "10s",
        ["timeout"] = "5s",
        ["retries"] = 3,
        // The coordinator loads and partitions the dataset before it listens.
        ["start_period"] = "120s",
    };

    private static Map Resources(int cpus, int memoryRequestMiB, int memoryLimitMiB) => new()
    {
        ["limits"] = new Map { ["cpus"] = cpus.ToString(CultureInfo.InvariantCulture), ["memory"] = $"{memoryLimitMiB}M" },
        ["reservations"] = new Map { ["cpus"] = cpus.ToString(CultureInfo.InvariantCulture), ["memory"] = $"{memoryRequestMiB}M" },
    };

    /// <summary>Compose substitutes <c>${VAR}</c> in every value; a literal <c>$</c> (in a path or image name) is written <c>$$</c>.</summary>
    private static object? EscapeInterpolation(object? node) => node switch
    {
        string s => s.Replace("$", "$$", StringComparison.Ordinal),
        Map map => map.ToDictionary(kv => kv.Key, kv => EscapeInterpolation(kv.Value)),
        List<object?> list => list.Select(EscapeInterpolation).ToList(),
        List<string> strings => strings.Select(EscapeInterpolation).ToList(),
        _ => node,
    };
}
