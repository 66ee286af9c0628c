namespace FedSim.Data;

/// <summary>The dataset files are not where the scenario, $FEDSIM_DATA or the Debian package would put them.</summary>
public sealed class DatasetNotFoundException(string message) : Exception(message);
