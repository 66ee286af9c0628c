namespace FedSim.Core.Scenarios;

/// <summary>A scenario value that is valid on its own but cannot work with the data at hand (e.g. min_size x parties &gt; samples).</summary>
public sealed class ScenarioDataException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}
