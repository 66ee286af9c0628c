using FedSim.Core.Components;

namespace FedSim.Core.Codecs;

/// <summary>A registered codec: makes a tensor codec for its options.</summary>
public interface ICodecComponent : IComponent
{
    ITensorCodec Create(object? options);

    /// <summary>Whether the codec only makes sense for updates (it drops or replaces most of what it is given): then it is refused on the downlink.</summary>
    bool UpdatesOnly { get; }
}
