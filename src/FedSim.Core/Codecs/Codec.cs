using FedSim.Core.Components;

namespace FedSim.Core.Codecs;

/// <summary>The base of every codec component.</summary>
internal abstract class Codec<TOptions> : Component<TOptions>, ICodecComponent
    where TOptions : class, new()
{
    public sealed override ComponentKind Kind => ComponentKind.Codec;

    public ITensorCodec Create(object? options) => Create(Typed(options));

    protected abstract ITensorCodec Create(TOptions options);
}
