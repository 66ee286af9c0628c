using FedSim.Core.Scenarios;
using FedSim.Core.Systems.Traces;

namespace FedSim.Cli;

/// <summary>Reads the FedScale trace files a scenario's <c>system</c> section names; a missing or bad file is bad input naming its key.</summary>
internal static class TraceFiles
{
    public static SystemTraces Load(Scenario scenario) => new(
        Read(scenario.System.DeviceTrace, "system.device_trace", FedScaleTraces.Devices),
        Read(scenario.System.AvailabilityTrace, "system.availability_trace", FedScaleTraces.Behaviour));

    private delegate IReadOnlyList<T> Parser<T>(ReadOnlySpan<byte> pickle, string source);

    private static IReadOnlyList<T>? Read<T>(string? path, string key, Parser<T> parse)
    {
        if (path is null) return null;
        if (!File.Exists(path)) throw new ScenarioException([new ScenarioError(path, null, key, "no such file")]);
        try
        {
            return parse(File.ReadAllBytes(path), path);
        }
        catch (InvalidDataException e)
        {
            throw new ScenarioException([new ScenarioError(path, null, key, e.Message.StartsWith(path + ": ", StringComparison.Ordinal) ? e.Message[(path.Length + 2)..] : e.Message)]);
        }
    }
}
