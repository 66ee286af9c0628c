using TorchSharp;
using static TorchSharp.torch;

namespace FedSim.Training;

/// <summary>
/// Mini-batch SGD with momentum and weight decay, step for step as PyTorch's <c>torch.optim.SGD</c> (dampening 0,
/// no Nesterov): <c>d = g + wd * p; buf = momentum * buf + d (buf = d at the first step); p -= lr * buf</c>.
/// Written here rather than using TorchSharp's optimizer because that one lets the scalars it passes to native code be
/// finalized mid-call, which crashed concurrent training ("toFloat" check failures); here every scalar lives for the
/// whole optimiser. It is also where algorithms hook into the local step: FedProx's proximal gradient
/// <c>g += mu (w - w_global)</c> before weight decay, SCAFFOLD's correction <c>w -= lr (c - c_i)</c> after the step.
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
    private readonly Tensor[]? _proxAnchor;
    private readonly Scalar _proxMu;
    private readonly Tensor[]? _correction;

    /// <param name="parameters">The model's parameters, by name.</param>
    /// <param name="hooks">Algorithm hooks; anchor and correction tensors are matched to parameters by name.</param>
    public Sgd(IEnumerable<(string Name, TorchSharp.Modules.Parameter Parameter)> parameters, double lr, double momentum, double weightDecay, LocalHooks? hooks = null)
    {
        var named = parameters.ToArray();
        _parameters = named.Select(p => p.Parameter).ToArray();
        _momentum = new Tensor?[_parameters.Length];
        _weightDecay = weightDecay.ToScalar();
        _beta = momentum.ToScalar();
        _negativeLr = (-lr).ToScalar();
        _useWeightDecay = weightDecay != 0;
        _useMomentum = momentum != 0;
        hooks ??= LocalHooks.None;
        _proxMu = hooks.ProxMu.ToScalar();
        if (hooks.ProxMu != 0 && hooks.ProxAnchor is { } anchor) _proxAnchor = Match(named, anchor, "FedProx anchor");
        if (hooks.StepCorrection is { } correction) _correction = Match(named, correction, "SCAFFOLD correction");
    }

    private static Tensor[] Match((string Name, TorchSharp.Modules.Parameter Parameter)[] named, Core.Weights.ModelWeights weights, string what)
    {
        var byName = weights.Tensors.ToDictionary(t => t.Name);
        return named.Select(p =>
        {
            if (!byName.TryGetValue(p.Name, out var t) || !t.Shape.AsSpan().SequenceEqual(p.Parameter.shape))
                throw new InvalidDataException($"{what}: no tensor '{p.Name}' [{string.Join(",", p.Parameter.shape)}]");
            return tensor(t.Data, t.Shape).DetachFromDisposeScope();
        }).ToArray();
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
            if (_proxAnchor is not null)
            {
                using var pull = p.sub(_proxAnchor[i]);
                g.add_(pull, _proxMu);
            }
            using var d = _useWeightDecay ? g.add(p, _weightDecay) : g.alias();
            if (_useMomentum)
            {
                if (_momentum[i] is { } buf) buf.mul_(_beta).add_(d);
                else _momentum[i] = d.detach().clone().DetachFromDisposeScope();
                p.add_(_momentum[i]!, _negativeLr);
            }
            else p.add_(d, _negativeLr);
            if (_correction is not null) p.add_(_correction[i], _negativeLr);
        }
    }

    public void Dispose()
    {
        foreach (var t in _momentum) t?.Dispose();
        foreach (var t in _proxAnchor ?? []) t.Dispose();
        foreach (var t in _correction ?? []) t.Dispose();
        _proxMu.Dispose();
        _weightDecay.Dispose();
        _beta.Dispose();
        _negativeLr.Dispose();
    }
}
