using FedSim.Core.Randomness;
using FedSim.Core.Scenarios;
using FedSim.Core.Weights;
using FedSim.Data;
using FedSim.Training;
using FedSim.Training.Models;

namespace FedSim.Cli;

/// <summary>The round-0 global model: the scenario's architecture initialised from a seed derived from the scenario seed.</summary>
internal static class InitialModel
{
    public static ModelWeights Create(Scenario scenario, IDataset train)
    {
        TorchSharp.torch.manual_seed(Seeds.Derive(scenario.Seed, Seeds.Purpose.ModelInit));
        using var module = ModelZoo.Create(scenario.Model, train.SampleShape, train.Classes);
        return TorchWeights.FromModule(module);
    }
}
