using FedSim.Core.Scenarios;

namespace FedSim.Cli;

/// <summary>Reads a scenario file from disk with its overrides.</summary>
internal static class ScenarioFile
{
    public static Scenario Load(string path, IEnumerable<string> overrides)
    {
        if (!File.Exists(path))
            throw new ScenarioException([new ScenarioError(path, null, "(file)", "no such file")]);
        return ScenarioLoader.Parse(File.ReadAllText(path), path, overrides);
    }
}
