using FedSim.Core.Components;

namespace FedSim.Core.Codecs;

/// <summary>4-bit linear quantisation (<see cref="LinearQuantizer"/>): two values a byte plus their scales.</summary>
[Component("int4", "4-bit linear quantisation, 2 values a byte: symmetric or asymmetric, per tensor or per channel, optionally stochastic rounding")]
internal sealed class Int4 : Codec<LinearQuantizationOptions>
{
    protected override ITensorCodec Create(LinearQuantizationOptions options) => new LinearQuantizer("int4", 4, options);
}
