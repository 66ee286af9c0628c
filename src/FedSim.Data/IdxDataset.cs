using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Data;

/// <summary>A dataset of IDX files (MNIST's format): 28x28 grey images and labels 0-9, train and test (t10k) files.</summary>
internal abstract class IdxDataset : Dataset<NoOptions>
{
    private static readonly string[] Files =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    /// <summary>The dataset's name in scenarios (and its directory under $FEDSIM_DATA and /usr/share/datasets).</summary>
    protected abstract string Name { get; }

    protected override DatasetPair Load(NoOptions options, DatasetSection section, int seed)
    {
        var dir = DatasetLocator.Locate(Name, section.Path, Files);
        return new DatasetPair(LoadSplit(Name + "/train", dir, "train"), LoadSplit(Name + "/test", dir, "t10k"));
    }

    protected override IEnumerable<object?> CacheParts(NoOptions options, DatasetSection section, int seed) =>
        [Path.TrimEndingDirectorySeparator(Path.GetFullPath(DatasetLocator.Locate(Name, section.Path, Files)))];

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
