using FedSim.Core.Scenarios;
using FedSim.Training;

namespace FedSim.Core.Tests.TestSupport;

/// <summary>Scenarios loaded against the default catalog, as the tool loads them.</summary>
internal static class TestScenarios
{
    public static ScenarioSchema Schema => DefaultCatalog.Schema;

    public static Scenario Parse(string yaml, string source = "s.yaml", params string[] overrides) => Schema.Load(yaml, source, overrides).Scenario;
}
