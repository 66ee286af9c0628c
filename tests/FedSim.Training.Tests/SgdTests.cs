using FedSim.Training.Models;
using static TorchSharp.torch;

namespace FedSim.Training.Tests;

public sealed class SgdTests
{
    [Theory]
    [InlineData(0.9, 1e-5)]
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, 1e-2)]
    public void Steps_match_torch_optim_SGD(double momentum, double weightDecay)
    {
        using var a = ModelZoo.Create(new Core.Components.ComponentChoice("simple-cnn"), [1, 28, 28], 10);
        using var b = ModelZoo.Create(new Core.Components.ComponentChoice("simple-cnn"), [1, 28, 28], 10);
        TorchWeights.Load(b, TorchWeights.FromModule(a));
        using var ours = new Sgd(a.named_parameters().Select(p => p.parameter), 0.05, momentum, weightDecay);
        using var reference = optim.SGD(b.parameters(), 0.05, momentum, weight_decay: weightDecay);
        manual_seed(11);
        for (var step = 0; step < 5; step++)
        {
            using var x = rand(8, 1, 28, 28);
            using var y = randint(0, 10, [8]);
            ours.ZeroGrad();
            using (var loss = nn.functional.cross_entropy(a.forward(x), y)) loss.backward();
            ours.Step();
            reference.zero_grad();
            using (var loss = nn.functional.cross_entropy(b.forward(x), y)) loss.backward();
            reference.step();
        }
        var wa = TorchWeights.FromModule(a);
        var wb = TorchWeights.FromModule(b);
        for (var i = 0; i < wa.Count; i++)
            for (var j = 0; j < wa[i].Length; j++)
                Assert.Equal(wb[i].Data[j], wa[i].Data[j], 1e-5f);
        // And training moved the weights at all.
        Assert.NotEqual(TorchWeights.FromModule(ModelZoo.Create(new Core.Components.ComponentChoice("simple-cnn"), [1, 28, 28], 10))[0].Data, wa[0].Data);
    }
}
