namespace FedSim.Protos;

/// <summary>
/// The node id a coordinator hands out at registration is the node's session credential, <c>LABEL.SECRET</c>: the
/// label (<c>node-3</c>) names the node in logs, the secret (256 random bits) proves every later call comes from the
/// process that registered. Only the label is ever logged.
/// </summary>
public static class NodeCredential
{
    /// <summary>The printable part of a node id (everything before the secret).</summary>
    public static string Label(string nodeId) => nodeId.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? nodeId[..dot] : nodeId;
}
