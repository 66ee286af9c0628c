using FedSim.Core.Scenarios;
using FedSim.Protos.Conversion;
using FedSim.Protos.V1;
using FedSim.Training;

namespace FedSim.Party;

/// <summary>What a node loads once, at its first registration: the run's scenario, its runtime and the codecs of both directions.</summary>
internal sealed record NodeRun(PartyRuntime Runtime, LinkCodec Uplink, LinkCodec Downlink)
{
    /// <summary>The global models this node keeps from earlier tasks (only with <c>compression.downlink_delta</c>).</summary>
    public HeldModels? Held { get; init; }

    /// <summary>The coordinator run this was loaded for (<c>RegisterReply.run_id</c>).</summary>
    public string RunId { get; init; } = "";

    public string RunName { get; init; } = "";

    public static NodeRun Load(RegisterReply reply, PartyNodeOptions options)
    {
        Scenario scenario;
        try
        {
            scenario = DefaultCatalog.Schema.Load(reply.Scenario, $"the scenario of run '{reply.RunName}' (from {options.Coordinator})").Scenario;
        }
        catch (ScenarioException e)
        {
            throw new InvalidOperationException($"this node cannot take part in run '{reply.RunName}': {e.Message}", e);
        }
        return new NodeRun(PartyRuntime.Load(scenario, options.Workers, options.ThreadsPerWorker),
            LinkCodec.Of(scenario.Compression.Uplink, "uplink"), LinkCodec.Of(scenario.Compression.Downlink, "downlink"))
        {
            Held = scenario.Compression.DownlinkDelta ? new HeldModels() : null,
            RunId = reply.RunId,
            RunName = reply.RunName,
        };
    }
}
