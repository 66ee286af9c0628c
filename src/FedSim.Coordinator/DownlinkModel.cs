using FedSim.Core.Weights;
using FedSim.Protos.Conversion;

namespace FedSim.Coordinator;

/// <summary>
/// The global model as one task receives it: its id (what the node keeps it under), the held model it is relative to
/// (0: none, sent whole), its encoding, and the weights the party ends up with (exactly what the node reconstructs).
/// </summary>
internal sealed record DownlinkModel(long Id, long BaseId, EncodedWeights Encoded, ModelWeights Received);
