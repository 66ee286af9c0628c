using System.Globalization;
using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Data;

/// <summary>The base of every dataset component.</summary>
internal abstract class Dataset<TOptions> : Component<TOptions>, IDatasetComponent
    where TOptions : class, new()
{
    public sealed override ComponentKind Kind => ComponentKind.Dataset;

    public DatasetPair Load(object? options, DatasetSection section, int seed) => Load(Typed(options), section, seed);

    public string CacheKey(object? options, DatasetSection section, int seed) => Key([section.Name, .. CacheParts(Typed(options), section, seed)]);

    protected abstract DatasetPair Load(TOptions options, DatasetSection section, int seed);

    /// <summary>What identifies the loaded data besides the dataset's name.</summary>
    protected abstract IEnumerable<object?> CacheParts(TOptions options, DatasetSection section, int seed);

    protected static string? FullPath(string? path) => string.IsNullOrEmpty(path) ? null : Path.GetFullPath(path);

    /// <summary>The held-out split settings, which matter only when there is no test file.</summary>
    protected static string HeldOut(DatasetSection section, int seed) =>
        string.IsNullOrEmpty(section.TestPath) ? Key([section.TestFraction, seed]) : "test-file";

    private static string Key(IEnumerable<object?> parts) =>
        string.Join("|", parts.Select(p => p switch
        {
            null => "-",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => p.ToString(),
        }));
}
