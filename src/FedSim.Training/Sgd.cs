using FedSim.Training.Hooks;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSim.Training;

/// <summary>
/// Mini-batch SGD with momentum and weight decay, step for step as PyTorch's <c>torch.optim.SGD</c> (dampening 0,
/// no Nesterov): <c>d = g + wd * p; buf = momentum * buf + d (buf = d at the first step); p -= lr * buf</c>.
/// Written here rather than using TorchSharp's optimizer because that one lets the scalars it passes to native code be
/// finalized mid-call, which crashed concurrent training ("toFloat" check failures); here every scalar lives for the
/// whole optimiser. Algorithms change the step through hooks: each adjusts the gradient before weight decay and/or the
/// parameter after the step (FedProx's proximal gradient, SCAFFOLD's correction), in the order given. The optimiser
/// owns and disposes them.
/// </summary>
internal sealed class Sgd : IDisposable
{
    private readonly TorchSharp.Modules.Parameter[] _parameters;
    private readonly Tensor?[] _momentum;
    private readonly Scalar _weightDecay;
    private readonly Scalar _beta;
    private readonly Scalar _negativeLr;
    private readonly bool _useWeightDecay;
    private readonly bool _useMomentum;
    private readonly ITorchHook[] _hooks;

    public Sgd(IEnumerable<TorchSharp.Modules.Parameter> parameters, double lr, double momentum, double weightDecay, IReadOnlyList<ITorchHook>? hooks = null)
    {
        _parameters = parameters.ToArray();
        _momentum = new Tensor?[_parameters.Length];
        _weightDecay = weightDecay.ToScalar();
        _beta = momentum.ToScalar();
        _negativeLr = (-lr).ToScalar();
        _useWeightDecay = weightDecay != 0;
        _useMomentum = momentum != 0;
        _hooks = hooks?.ToArray() ?? [];
    }

    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            using var g = p.grad;
            g?.zero_();
        }
    }

    public void Step()
    {
        using var noGrad = no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            using var g = p.grad;
            if (g is null) continue;
            foreach (var h in _hooks) h.OnGradient(i, p, g);
            using var d = _useWeightDecay ? g.add(p, _weightDecay) : g.alias();
            if (_useMomentum)
            {
                if (_momentum[i] is { } buf) buf.mul_(_beta).add_(d);
                else _momentum[i] = d.detach().clone().DetachFromDisposeScope();
                p.add_(_momentum[i]!, _negativeLr);
            }
            else p.add_(d, _negativeLr);
            foreach (var h in _hooks) h.AfterStep(i, p);
        }
    }

    public void Dispose()
    {
        foreach (var t in _momentum) t?.Dispose();
        foreach (var h in _hooks) h.Dispose();
        _weightDecay.Dispose();
        _beta.Dispose();
        _negativeLr.Dispose();
    }
}
