using FedSim.Core.Components;

namespace FedSim.Core.Systems;

/// <summary><c>median * exp(sigma * z)</c> with z standard normal: positive, skewed to a long tail of slow devices.</summary>
[Component("lognormal", "log-normal: median * exp(sigma * z), z ~ N(0, 1); always positive, long-tailed")]
internal sealed class LogNormal : Distribution<LogNormalOptions>
{
    protected override double Sample(LogNormalOptions options, Random rng) => options.Median * Math.Exp(options.Sigma * StandardNormal(rng));

    protected override double Lowest(LogNormalOptions options) => options.Sigma == 0 ? options.Median : double.Epsilon;
}
