using FedSim.Core.Components;
using FedSim.Core.Scenarios;
using FedSim.Data;

namespace FedSim.Training;

/// <summary>Every component FedSim ships: those of FedSim.Core (algorithms, partitioners, codecs), FedSim.Data (datasets) and this assembly (models).</summary>
public static class DefaultCatalog
{
    public static Catalog Instance { get; } = Catalog.Scan(typeof(Scenario).Assembly, typeof(DatasetCatalog).Assembly, typeof(DefaultCatalog).Assembly);

    /// <summary>The scenario schema of these components.</summary>
    public static ScenarioSchema Schema => Instance.Scenario;
}
