using FedSim.Core.Components;

namespace FedSim.Core.Codecs;

/// <summary>The base of every codec component.</summary>
internal abstract class Codec<TOptions> : Component<TOptions>, ICodecComponent
    where TOptions : class, new()
{
    public sealed override ComponentKind Kind => ComponentKind.Codec;

    public ITensorCodec Create(object? options) => Create(Typed(options));

    /// <summary>Whether the codec only makes sense for updates (it drops or replaces most of what it is given): then it is refused on the downlink.</summary>
    public virtual bool UpdatesOnly => false;

    protected abstract ITensorCodec Create(TOptions options);
}
