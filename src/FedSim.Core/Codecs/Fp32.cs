using FedSim.Core.Components;
using FedSim.Core.Weights;

namespace FedSim.Core.Codecs;

/// <summary>
/// The raw float32 values, little-endian, 4 bytes each: lossless, and free to encode (the bytes wrap the tensor's own
/// memory) and to decode (the bytes land straight in the result array). On the wire it is the default, sent without
/// an encoding field, so fp32 messages are the same bytes as before codecs existed.
/// </summary>
[Component("fp32", "float32 values as they are, 4 bytes each (lossless; the default)")]
internal sealed class Fp32 : Codec<NoOptions>, ITensorCodec
{
    public const string Name = "fp32";

    protected override ITensorCodec Create(NoOptions options) => this;

    public bool Lossless => true;

    public bool ErrorFeedback => false;

    public EncodedTensor Encode(NamedTensor tensor, Random rng) =>
        new(new TensorEncoding(Name, (long)tensor.Length * sizeof(float)), new FloatBytes(tensor.Data, 0, tensor.Length).Memory);

    public ITensorDecoder Decoder(TensorEncoding encoding, int elements) => new Decoding(elements);

    private sealed class Decoding(int elements) : ITensorDecoder
    {
        private readonly float[] _values = new float[elements];

        public Memory<byte> Buffer => new FloatBytes(_values, 0, _values.Length).Memory;

        public float[] Complete() => _values;
    }
}
