namespace FedSim.Core.Algorithms;

/// <summary>How an update's weight falls with its staleness t (Xie et al. 2019, section 5.2).</summary>
public enum StalenessFunction
{
    /// <summary>1 for every t.</summary>
    Constant,

    /// <summary><c>(t + 1)^-a</c>.</summary>
    Polynomial,

    /// <summary>1 while <c>t &lt;= b</c>, then <c>1 / (a (t - b) + 1)</c>.</summary>
    Hinge,
}
