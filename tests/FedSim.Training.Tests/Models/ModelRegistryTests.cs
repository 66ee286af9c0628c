using FedSim.Core.Components;
using FedSim.Training.Models;

namespace FedSim.Training.Tests.Models;

/// <summary>Every registered model builds: the registry and the model zoo cannot disagree.</summary>
public sealed class ModelRegistryTests
{
    public static TheoryData<string> Models() => [.. DefaultCatalog.Instance.Models.Names];

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_registered_model_builds_for_images_or_says_why_not(string name)
    {
        var choice = new ComponentChoice(name);
        try
        {
            using var module = ModelZoo.Create(choice, [1, 28, 28], 10);
            Assert.True(ModelZoo.ParameterCount(module) > 0);
        }
        catch (ArgumentException e)
        {
            // A model for other inputs must say which inputs it needs, and build for tabular rows instead.
            Assert.Contains(name, e.Message);
            using var tabular = ModelZoo.Create(choice, [13], 3);
            Assert.True(ModelZoo.ParameterCount(tabular) > 0);
        }
    }

    [Fact]
    public void The_shipped_models_are_registered()
    {
        Assert.Equal(["mlp", "simple-cnn"], DefaultCatalog.Instance.Models.Names);
    }

    [Fact]
    public void The_mlp_has_niid_bench_s_layer_sizes()
    {
        using var mlp = ModelZoo.Create(new ComponentChoice("mlp"), [5], 2);
        // 5*32+32 + 32*16+16 + 16*8+8 + 8*2+2
        Assert.Equal(192 + 528 + 136 + 18, ModelZoo.ParameterCount(mlp));
    }
}
