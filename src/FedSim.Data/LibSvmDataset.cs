using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Data;

/// <summary>A LIBSVM / SVMlight file (what <see cref="LibSvmReader"/> reads).</summary>
[Component("libsvm", "a LIBSVM / SVMlight sparse file (dataset.path; a test file in dataset.test_path or a held-out fraction)")]
internal sealed class LibSvmDataset : Dataset<NoOptions>
{
    protected override DatasetPair Load(NoOptions options, DatasetSection section, int seed) => LibSvmReader.Load("libsvm", section, seed);

    protected override IEnumerable<object?> CacheParts(NoOptions options, DatasetSection section, int seed) =>
        [FullPath(section.Path), FullPath(section.TestPath), HeldOut(section, seed)];
}
