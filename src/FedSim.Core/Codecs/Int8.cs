using FedSim.Core.Components;

namespace FedSim.Core.Codecs;

/// <summary>8-bit linear quantisation (<see cref="LinearQuantizer"/>): 1 byte a value plus its scales.</summary>
[Component("int8", "8-bit linear quantisation, 1 byte a value: symmetric or asymmetric, per tensor or per channel, optionally stochastic rounding")]
internal sealed class Int8 : Codec<LinearQuantizationOptions>
{
    protected override ITensorCodec Create(LinearQuantizationOptions options) => new LinearQuantizer("int8", 8, options);
}
