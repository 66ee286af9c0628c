using FedSim.Core.Components;

namespace FedSim.Core.Codecs;

/// <summary>A registered codec: makes a tensor codec for its options.</summary>
public interface ICodecComponent : IComponent
{
    ITensorCodec Create(object? options);
}
