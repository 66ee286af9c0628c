using FedSim.Core.Components;
using static TorchSharp.torch;

namespace FedSim.Training.Models;

/// <summary>Builds the module a scenario's <c>model</c> names.</summary>
public static class ModelZoo
{
    public static nn.Module<Tensor, Tensor> Create(ComponentChoice model, IReadOnlyList<int> sampleShape, int classes) =>
        (model.Component ?? DefaultCatalog.Instance.Models.Get(model.Name)).As<IModelComponent>().Create(model.Options, sampleShape, classes);

    public static long ParameterCount(nn.Module module) => module.parameters().Sum(p => p.numel());
}
