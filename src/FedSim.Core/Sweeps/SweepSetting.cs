namespace FedSim.Core.Sweeps;

/// <summary>One scenario key set to a value, with the sweep file line it came from (null for the command line).</summary>
public sealed record SweepSetting(string Path, string Value, int? Line)
{
    public string Override => $"{Path}={Value}";
}
