namespace FedSim.Core.Strategies;

/// <summary>Names shared by a strategy's server side and its party-side hooks: parameters and payload groups.</summary>
public static class AlgorithmNames
{
    /// <summary>FedProx: the proximal weight, sent as a round parameter.</summary>
    public const string ProxMu = "mu";

    /// <summary>SCAFFOLD: the server control variate, sent with the model.</summary>
    public const string ScaffoldServerControl = "scaffold.c";

    /// <summary>SCAFFOLD: a party's control-variate change, returned with its model.</summary>
    public const string ScaffoldControlDelta = "scaffold.c_delta";
}
