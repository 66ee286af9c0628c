using FedSim.Core.Codecs;
using FedSim.Core.Components;
using FedSim.Core.Scenarios;
using FedSim.Core.Weights;
using FedSim.Protos.Conversion;

namespace FedSim.Protos.Tests.Conversion;

/// <summary>The codecs FedSim.Core registers, and tensor groups encoded with them, as the nodes and the coordinator use them.</summary>
internal static class Wire
{
    public static Registry Codecs { get; } =
        new(ComponentKind.Codec, Catalog.Components(typeof(Scenario).Assembly).Where(c => c.Kind == ComponentKind.Codec));

    public static LinkCodec Link(string codec) => new(codec, Codecs.Get(codec).As<ICodecComponent>().Create(null), "test");

    public static LinkCodec Fp32 { get; } = Link("fp32");

    public static TensorGroup Group(string name, ModelWeights weights, string codec = "fp32") => new(name, Link(codec).Encode(weights, Core.Randomness.Seeds.Generator(0)));
}
