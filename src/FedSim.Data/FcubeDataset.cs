using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Data;

/// <summary>The <c>fcube</c> dataset's options.</summary>
public sealed record FcubeOptions
{
    [Option("number of generated points", Min = 10, Max = 100_000_000)]
    public int Samples { get; init; } = 4000;
}

/// <summary>NIID-Bench's synthetic FCUBE set (what <see cref="FcubeGenerator"/> makes).</summary>
[Component("fcube", "FCUBE: NIID-Bench's synthetic 3-D points, labelled by the sign of x1 (generated from the seed)")]
internal sealed class FcubeDataset : Dataset<FcubeOptions>
{
    protected override DatasetPair Load(FcubeOptions options, DatasetSection section, int seed) =>
        FcubeGenerator.Load("fcube", new FcubeSource(options.Samples, section.TestFraction), seed);

    protected override IEnumerable<object?> CacheParts(FcubeOptions options, DatasetSection section, int seed) =>
        [options.Samples, section.TestFraction, seed];
}
