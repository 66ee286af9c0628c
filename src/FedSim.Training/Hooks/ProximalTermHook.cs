using FedSim.Core.LocalTraining;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSim.Training.Hooks;

/// <summary><see cref="ProximalTerm"/>: <c>g += mu (w - anchor)</c> before weight decay.</summary>
internal sealed class ProximalTermHook : TorchHook<ProximalTerm>
{
    protected override ITorchHook Create(ProximalTerm spec, (string Name, Parameter Parameter)[] parameters, double lr) =>
        new Applied(TorchHooks.Match(parameters, spec.Anchor, "FedProx anchor"), spec.Mu.ToScalar());

    private sealed class Applied(Tensor[] anchor, Scalar mu) : ITorchHook
    {
        public void OnGradient(int index, Parameter parameter, Tensor gradient)
        {
            using var pull = parameter.sub(anchor[index]);
            gradient.add_(pull, mu);
        }

        public void Dispose()
        {
            foreach (var t in anchor) t.Dispose();
            mu.Dispose();
        }
    }
}
