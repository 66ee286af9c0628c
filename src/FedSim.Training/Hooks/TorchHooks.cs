using FedSim.Core.LocalTraining;
using FedSim.Core.Weights;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSim.Training.Hooks;

/// <summary>The optimiser-side implementation of every local-hook kind, found in this assembly by type.</summary>
internal static class TorchHooks
{
    private static readonly Dictionary<Type, ITorchHookFactory> Factories = typeof(TorchHooks).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(ITorchHookFactory).IsAssignableFrom(t))
        .Select(t => (ITorchHookFactory)Activator.CreateInstance(t, nonPublic: true)!)
        .ToDictionary(f => f.SpecType);

    /// <summary>The hook kinds this trainer can apply.</summary>
    public static IReadOnlyCollection<Type> Supported => Factories.Keys;

    public static ITorchHook[] Create(IEnumerable<ILocalHook> hooks, (string Name, Parameter Parameter)[] parameters, double lr) =>
        hooks.Select(h => Factories.TryGetValue(h.GetType(), out var f)
            ? f.Create(h, parameters, lr)
            : throw new NotSupportedException($"local training cannot apply a {h.GetType().Name} hook (no {nameof(TorchHook<ILocalHook>)} for it)")).ToArray();

    /// <summary>One tensor per parameter, matched by name and shape, e.g. an anchor model for a proximal term.</summary>
    public static Tensor[] Match((string Name, Parameter Parameter)[] named, ModelWeights weights, string what)
    {
        var byName = weights.Tensors.ToDictionary(t => t.Name);
        return named.Select(p =>
        {
            if (!byName.TryGetValue(p.Name, out var t) || !t.Shape.AsSpan().SequenceEqual(p.Parameter.shape))
                throw new InvalidDataException($"{what}: no tensor '{p.Name}' [{string.Join(",", p.Parameter.shape)}]");
            return tensor(t.Data, t.Shape).DetachFromDisposeScope();
        }).ToArray();
    }
}
