using System.Collections.Concurrent;
using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Data;

/// <summary>Loads datasets, once per process: every party and the evaluator share one in-memory copy.</summary>
public static class DatasetCatalog
{
    /// <summary>The datasets this assembly registers, for loading by name without a scenario.</summary>
    public static Registry Registry { get; } =
        new(ComponentKind.Dataset, Catalog.Components(typeof(DatasetCatalog).Assembly).Where(c => c.Kind == ComponentKind.Dataset));

    private static readonly ConcurrentDictionary<string, Lazy<DatasetPair>> Cache = new();

    /// <summary>A dataset with its default options from <paramref name="path"/> (or $FEDSIM_DATA, or the Debian package), with seed 0.</summary>
    public static DatasetPair Load(string name, string? path)
    {
        var component = Registry.Get(name);
        return Load(new DatasetSection { Component = new ComponentChoice(name, component.Options.CreateDefault()) { Component = component }, Path = path }, seed: 0);
    }

    /// <summary>
    /// The dataset a scenario's <c>dataset</c> section describes. <paramref name="seed"/> chooses the held-out test
    /// rows of a csv / libsvm file without a test file, and the fcube points. Loads are cached per process under a key
    /// holding every setting that changes the data (paths as full paths); a failed load is not cached.
    /// </summary>
    public static DatasetPair Load(DatasetSection section, int seed)
    {
        var choice = section.Component;
        var component = (choice.Component ?? Registry.Get(choice.Name)).As<IDatasetComponent>();
        var key = component.CacheKey(choice.Options, section, seed) + "|validation=" + section.ValidationFraction.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var lazy = Cache.GetOrAdd(key, _ => new Lazy<DatasetPair>(() => WithValidation(component.Load(choice.Options, section, seed), section, seed)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Cache.TryRemove(new KeyValuePair<string, Lazy<DatasetPair>>(key, lazy));
            throw;
        }
    }

    /// <summary>
    /// With <c>dataset.validation_fraction</c>, a seeded share of the training split becomes the evaluation set and the rest
    /// the training set (parties' dataidxs index the rest); the test split is then not used at all.
    /// </summary>
    private static DatasetPair WithValidation(DatasetPair pair, DatasetSection section, int seed)
    {
        if (section.ValidationFraction == 0) return pair;
        var (train, validation) = HoldOut.Split(pair.Train.Count, section.ValidationFraction, seed, pair.Train.Name, Core.Randomness.Seeds.Purpose.Validation);
        return new DatasetPair(new DatasetView(pair.Train, train, pair.Train.Name + "[train]"), new DatasetView(pair.Train, validation, pair.Train.Name + "[validation]"));
    }
}
