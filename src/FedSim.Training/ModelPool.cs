using System.Collections.Concurrent;
using FedSim.Core.Components;
using FedSim.Training.Models;
using static TorchSharp.torch;

namespace FedSim.Training;

/// <summary>Reusable model instances of one architecture, so concurrent workers never share a module and none is rebuilt per task.</summary>
public sealed class ModelPool(ComponentChoice model, IReadOnlyList<int> sampleShape, int classes) : IDisposable
{
    private readonly ConcurrentBag<nn.Module<Tensor, Tensor>> _free = new();
    private readonly ConcurrentBag<nn.Module<Tensor, Tensor>> _all = new();

    public nn.Module<Tensor, Tensor> Rent()
    {
        if (_free.TryTake(out var m)) return m;
        m = ModelZoo.Create(model, sampleShape, classes);
        _all.Add(m);
        return m;
    }

    public void Return(nn.Module<Tensor, Tensor> module) => _free.Add(module);

    public void Dispose()
    {
        foreach (var m in _all) m.Dispose();
    }
}
