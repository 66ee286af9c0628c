using FedSim.Core.Components;

namespace FedSim.Core.Codecs;

/// <summary>The options of the linear quantisers (<c>int8</c>, <c>int4</c>).</summary>
public sealed record LinearQuantizationOptions
{
    [Option("symmetric: levels around 0 (0 stays exact); asymmetric: levels from min to max")]
    public QuantizationScheme Scheme { get; init; } = QuantizationScheme.Symmetric;

    [Option("tensor: one scale per tensor; channel: one per row of the first dimension (sent as float32 values)")]
    public QuantizationGranularity Granularity { get; init; } = QuantizationGranularity.Tensor;

    [Option("stochastic rounding (unbiased: rounds up with probability equal to the fraction) instead of to nearest")]
    public bool Stochastic { get; init; }
}
