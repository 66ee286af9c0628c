using System.Collections.Concurrent;
using System.Globalization;
using FedSim.Core.Scenarios;

namespace FedSim.Data;

/// <summary>Loads datasets by name, once per process: every party and the evaluator share one in-memory copy.</summary>
public static class DatasetCatalog
{
    /// <summary>Every dataset name a scenario may use (the same list as <see cref="ScenarioSchema.Datasets"/>).</summary>
    public static readonly IReadOnlyList<string> Names = ["fashion-mnist", "mnist", "cifar10", "csv", "libsvm", "fcube"];

    private static readonly string[] IdxFiles =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    private static readonly ConcurrentDictionary<string, Lazy<DatasetPair>> Cache = new();

    /// <summary>An image dataset from its directory (or $FEDSIM_DATA, or the Debian package), a file from <paramref name="path"/>, with seed 0.</summary>
    public static DatasetPair Load(string name, string? path) => Load(new DatasetSection(name, path), seed: 0);

    /// <summary>
    /// The dataset a scenario's <c>dataset</c> section describes. <paramref name="seed"/> chooses the held-out test
    /// rows of a csv / libsvm file without a test file, and the fcube points. Loads are cached per process under a key
    /// holding every setting that changes the data (paths as full paths); a failed load is not cached.
    /// </summary>
    public static DatasetPair Load(DatasetSection section, int seed)
    {
        var name = section.Name;
        if (!Names.Contains(name))
            throw new ArgumentException($"dataset.name: unknown dataset '{name}' (known: {string.Join(", ", Names)})");
        var (key, load) = name switch
        {
            "fashion-mnist" or "mnist" => Directory(name, DatasetLocator.Locate(name, section.Path, IdxFiles), LoadIdx),
            "cifar10" => Directory(name, DatasetLocator.Locate(name, section.Path, CifarReader.RequiredFiles), CifarReader.Load),
            "csv" => (Key(name, FullPath(section.Path), FullPath(section.TestPath), HeldOut(section, seed),
                section.LabelColumn, section.GroupColumn), () => CsvDatasetReader.Load(name, section, seed)),
            "libsvm" => (Key(name, FullPath(section.Path), FullPath(section.TestPath), HeldOut(section, seed)),
                () => LibSvmReader.Load(name, section, seed)),
            "fcube" => (Key(name, section.Samples, section.TestFraction, seed),
                () => FcubeGenerator.Load(name, section, seed)),
            _ => throw new InvalidOperationException($"dataset '{name}' is listed but has no loader"),
        };
        var lazy = Cache.GetOrAdd(key, _ => new Lazy<DatasetPair>(load));
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

    private static (string Key, Func<DatasetPair> Load) Directory(string name, string dir, Func<string, string, DatasetPair> load) =>
        (Key(name, Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir))), () => load(name, dir));

    private static string? FullPath(string? path) => string.IsNullOrEmpty(path) ? null : Path.GetFullPath(path);

    /// <summary>The held-out split settings, which matter only when there is no test file.</summary>
    private static string HeldOut(DatasetSection section, int seed) =>
        string.IsNullOrEmpty(section.TestPath) ? Key(section.TestFraction, seed) : "test-file";

    private static string Key(params object?[] parts) =>
        string.Join("|", parts.Select(p => p switch
        {
            null => "-",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => p.ToString(),
        }));

    private static DatasetPair LoadIdx(string name, string dir) => new(
        LoadSplit(name + "/train", dir, "train"),
        LoadSplit(name + "/test", dir, "t10k"));

    private static ImageDataset LoadSplit(string name, string dir, string prefix)
    {
        var images = IdxReader.Read(DatasetLocator.FindFile(dir, prefix + "-images-idx3-ubyte")!, 3);
        var labels = IdxReader.Read(DatasetLocator.FindFile(dir, prefix + "-labels-idx1-ubyte")!, 1);
        if (images.Dimensions[0] != labels.Dimensions[0])
            throw new InvalidDataException($"{dir}: {prefix} has {images.Dimensions[0]} images but {labels.Dimensions[0]} labels");
        return new ImageDataset(name, images.Data, labels.Data.Select(b => (int)b).ToArray(),
            [1, images.Dimensions[1], images.Dimensions[2]], 10);
    }
}
