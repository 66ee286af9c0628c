using FedSim.Core.Weights;
using FedSim.Training.Models;
using static TorchSharp.torch;

namespace FedSim.Training.Tests;

public sealed class TorchWeightsTests
{
    [Fact]
    public void Load_then_read_back_gives_the_loaded_values()
    {
        using var module = ModelZoo.Create(new Core.Components.ComponentChoice("simple-cnn"), [1, 28, 28], 10);
        var original = TorchWeights.FromModule(module);
        var rng = new Random(3);
        var changed = new ModelWeights(original.Tensors.Select(t =>
            new NamedTensor(t.Name, t.Shape, t.Data.Select(_ => (float)rng.NextDouble()).ToArray())));

        TorchWeights.Load(module, changed);
        var back = TorchWeights.FromModule(module);

        for (var i = 0; i < changed.Count; i++) Assert.Equal(changed[i].Data, back[i].Data);
        Assert.NotEqual(original[0].Data, back[0].Data);
    }

    [Fact]
    public void Loaded_weights_drive_the_forward_pass()
    {
        using var a = ModelZoo.Create(new Core.Components.ComponentChoice("simple-cnn"), [1, 28, 28], 10);
        using var b = ModelZoo.Create(new Core.Components.ComponentChoice("simple-cnn"), [1, 28, 28], 10);
        using var x = rand(4, 1, 28, 28);
        TorchWeights.Load(b, TorchWeights.FromModule(a));

        using var ya = a.forward(x);
        using var yb = b.forward(x);

        Assert.Equal(TorchWeights.ToArray(ya), TorchWeights.ToArray(yb));
    }

    [Fact]
    public void Parameters_are_the_tensors_the_optimiser_updates()
    {
        using var module = ModelZoo.Create(new Core.Components.ComponentChoice("simple-cnn"), [1, 28, 28], 10);
        var zeros = TorchWeights.FromModule(module).ZerosLike();
        TorchWeights.Load(module, zeros);
        var firstParameter = TorchWeights.ToArray(module.parameters().First());
        Assert.All(firstParameter, v => Assert.Equal(0f, v));
    }

    [Theory]
    [InlineData("simple-cnn", 1, 28, 44_426)]
    [InlineData("simple-cnn", 3, 32, 62_006)]
    public void Simple_cnn_has_the_reference_parameter_count(string model, int channels, int size, long expected)
    {
        using var module = ModelZoo.Create(new Core.Components.ComponentChoice(model), [channels, size, size], 10);
        Assert.Equal(expected, ModelZoo.ParameterCount(module));
    }
}
