using FedSim.Core.Scenarios;
using FedSim.Training;

namespace FedSim.Cli;

/// <summary>Reads a scenario file from disk with its overrides against the default catalog; notices (deprecated keys) go to stderr.</summary>
internal static class ScenarioFile
{
    public static ScenarioSchema Schema => DefaultCatalog.Schema;

    public static Scenario Load(string path, IEnumerable<string> overrides, TextWriter? notices = null)
    {
        if (!File.Exists(path))
            throw new ScenarioException([new ScenarioError(path, null, "(file)", "no such file")]);
        var load = Schema.Load(File.ReadAllText(path), path, overrides);
        Report(load.Notices, notices);
        return load.Scenario;
    }

    public static void Report(IEnumerable<ScenarioError> notices, TextWriter? to = null)
    {
        foreach (var n in notices) (to ?? Console.Error).WriteLine($"note: {n}");
    }

    /// <summary>The scenario as the run folder and the nodes see it.</summary>
    public static string ToYaml(Scenario scenario) => Schema.ToYaml(scenario);
}
