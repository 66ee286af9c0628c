using FedSim.Core.Weights;
using FedSim.Protos.Conversion;
using FedSim.Protos.V1;

namespace FedSim.Protos.Tests.Conversion;

public sealed class UploadLayoutTests
{
    private static readonly ModelWeights Model = new([new NamedTensor("w", [2, 3], new float[6]), new NamedTensor("b", [2], new float[2])]);

    private static TensorSpec Spec(string group, string name, params long[] shape)
    {
        var spec = new TensorSpec { Group = group, Name = name };
        spec.Shape.AddRange(shape);
        return spec;
    }

    [Fact]
    public void The_model_s_layout_with_payloads_of_the_same_layout_fits()
    {
        Assert.Null(UploadLayout.Check([Spec("model", "w", 2, 3), Spec("model", "b", 2), Spec("scaffold.c_delta", "w", 2, 3), Spec("scaffold.c_delta", "b", 2)], Model));
    }

    [Theory]
    [InlineData("w:2,3 b:3", "tensor 'b' of 'model' has shape [3], the model's is [2]")]
    [InlineData("w:2,3 b:2 x:1", "tensor 'x' of 'model' is not in the model")]
    [InlineData("w:2,3", "the model's tensors are not all announced, in the model's order")]
    [InlineData("b:2 w:2,3", "the model's tensors are not all announced, in the model's order")]
    [InlineData("w:2,3 b:2 w:2,3", "tensor 'w' of 'model' is announced twice")]
    [InlineData("w:2000000000,2000000000 b:2", "tensor 'w' of 'model' has shape [2000000000,2000000000], the model's is [2,3]")]
    public void A_header_that_claims_another_layout_is_refused_before_any_chunk(string tensors, string message)
    {
        var specs = tensors.Split(' ').Select(t => t.Split(':')).Select(t => Spec("model", t[0], t[1].Split(',').Select(long.Parse).ToArray())).ToList();

        Assert.Equal(message, UploadLayout.Check(specs, Model));
    }

    [Fact]
    public void More_payload_groups_than_the_limit_are_refused()
    {
        var specs = new List<TensorSpec> { Spec("model", "w", 2, 3), Spec("model", "b", 2) };
        for (var g = 0; g <= UploadLayout.MaxPayloads; g++) specs.Add(Spec($"p{g}", "b", 2));

        Assert.Equal($"{UploadLayout.MaxPayloads + 1} payload groups announced; at most {UploadLayout.MaxPayloads}", UploadLayout.Check(specs, Model));
    }
}
