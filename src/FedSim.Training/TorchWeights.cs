using System.Runtime.InteropServices;
using FedSim.Core.Weights;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSim.Training;

/// <summary>The one place that converts between <see cref="ModelWeights"/> and a TorchSharp module's state, copying memory in bulk.</summary>
public static class TorchWeights
{
    public static ModelWeights FromModule(nn.Module module)
    {
        var tensors = new List<NamedTensor>();
        foreach (var (name, tensor) in module.state_dict())
        {
            if (tensor.dtype != ScalarType.Float32)
                throw new NotSupportedException($"state tensor '{name}' is {tensor.dtype}; only float32 state is supported");
            tensors.Add(new NamedTensor(name, tensor.shape, ToArray(tensor)));
        }
        return new ModelWeights(tensors);
    }

    public static float[] ToArray(Tensor tensor)
    {
        using var contiguous = tensor.contiguous();
        var data = new float[contiguous.numel()];
        MemoryMarshal.Cast<byte, float>(contiguous.bytes).CopyTo(data);
        return data;
    }

    public static void CopyInts(Tensor tensor, Span<int> destination)
    {
        using var contiguous = tensor.contiguous();
        MemoryMarshal.Cast<byte, int>(contiguous.bytes).CopyTo(destination);
    }

    public static void Load(nn.Module module, ModelWeights weights)
    {
        var state = module.state_dict();
        if (state.Count != weights.Count)
            throw new InvalidDataException($"model has {state.Count} state tensors, weights have {weights.Count}");
        using var noGrad = torch.no_grad();
        var i = 0;
        foreach (var (name, tensor) in state)
        {
            var w = weights[i++];
            if (w.Name != name || !w.Shape.AsSpan().SequenceEqual(tensor.shape))
                throw new InvalidDataException($"weights tensor '{w.Name}' {w.ShapeText} does not match model tensor '{name}' [{string.Join(",", tensor.shape)}]");
            tensor.bytes = MemoryMarshal.AsBytes(w.Data.AsSpan());
        }
    }
}
