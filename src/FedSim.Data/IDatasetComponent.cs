using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Data;

/// <summary>A registered dataset: reads (or generates) a training and a test split.</summary>
internal interface IDatasetComponent : IComponent
{
    /// <param name="options">The dataset's options record (null: its defaults).</param>
    /// <param name="section">The scenario's dataset section (path, test file, held-out fraction).</param>
    /// <param name="seed">The run's seed: held-out test rows and generated data depend on it.</param>
    DatasetPair Load(object? options, DatasetSection section, int seed);

    /// <summary>Everything that changes the data loaded, as text (paths made full), so one process loads it once.</summary>
    string CacheKey(object? options, DatasetSection section, int seed);
}
