using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Data;

/// <summary>CIFAR-10 from its binary batches.</summary>
[Component("cifar10", "CIFAR-10: 32x32 colour images of 10 classes, 50,000 train / 10,000 test (the binary batches)",
    Reference = "Krizhevsky, 2009")]
internal sealed class Cifar10 : Dataset<NoOptions>
{
    protected override DatasetPair Load(NoOptions options, DatasetSection section, int seed) =>
        CifarReader.Load("cifar10", DatasetLocator.Locate("cifar10", section.Path, CifarReader.RequiredFiles));

    protected override IEnumerable<object?> CacheParts(NoOptions options, DatasetSection section, int seed) =>
        [Path.TrimEndingDirectorySeparator(Path.GetFullPath(DatasetLocator.Locate("cifar10", section.Path, CifarReader.RequiredFiles)))];
}
