using System.Collections.Concurrent;

namespace FedSim.Data;

/// <summary>Loads datasets by name, once per process: every party and the evaluator share one in-memory copy.</summary>
public static class DatasetCatalog
{
    public static readonly IReadOnlyList<string> Names = ["fashion-mnist", "mnist"];

    private static readonly string[] IdxFiles =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    private static readonly ConcurrentDictionary<string, Lazy<DatasetPair>> Cache = new();

    public static DatasetPair Load(string name, string? path)
    {
        if (!Names.Contains(name))
            throw new ArgumentException($"dataset.name: unknown dataset '{name}' (known: {string.Join(", ", Names)})");
        var dir = DatasetLocator.Locate(name, path, IdxFiles);
        var key = name + "|" + Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        var lazy = Cache.GetOrAdd(key, _ => new Lazy<DatasetPair>(() => LoadIdx(name, dir)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Cache.TryRemove(key, out _);
            throw;
        }
    }

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
