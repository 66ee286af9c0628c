using FedSim.Core.Components;

namespace FedSim.Core.Scenarios;

/// <summary>Where a scenario chooses a component of some kind: the choice's path (<c>federation.algorithm</c>, <c>compression.uplink</c>) and spec.</summary>
internal sealed record ChoiceSite(string Path, ChoiceSpec Choice)
{
    /// <summary>Where one component's options are written: <c>federation.fedprox.mu</c> (named) or <c>compression.uplink.scheme</c> (inline).</summary>
    public string OptionPath(string component, string option)
    {
        if (Choice.Layout == ChoiceLayout.Inline) return $"{Path}.{option}";
        var dot = Path.LastIndexOf('.');
        return dot < 0 ? $"{component}.{option}" : $"{Path[..dot]}.{component}.{option}";
    }
}
