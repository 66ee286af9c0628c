namespace FedSim.Data;

/// <summary>How many FCUBE points to generate and what fraction is held out for testing.</summary>
internal sealed record FcubeSource(int Samples, double TestFraction);
