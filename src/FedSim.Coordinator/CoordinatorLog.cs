using Microsoft.Extensions.Logging;

namespace FedSim.Coordinator;

/// <summary>The coordinator's log messages, source-generated (no boxing, no formatting when the level is off).</summary>
internal static partial class CoordinatorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "node {Name} ({Id}) registered parties {Parties}")]
    public static partial void NodeRegistered(this ILogger logger, string name, string id, string parties);

    [LoggerMessage(Level = LogLevel.Warning, Message = "node {Name} ({Id}): {Reason}")]
    public static partial void NodeLost(this ILogger logger, string name, string id, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "node {Name} ({Id}) deregistered: {Reason}")]
    public static partial void NodeDeregistered(this ILogger logger, string name, string id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "node {Name} ({Id}) went silent; marked gone, its parties {Parties} are free")]
    public static partial void NodeSilent(this ILogger logger, string name, string id, string parties);

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused a malformed upload: {Reason}")]
    public static partial void MalformedUpload(this ILogger logger, string reason);
}
