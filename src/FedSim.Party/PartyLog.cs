using Microsoft.Extensions.Logging;

namespace FedSim.Party;

/// <summary>A party node's log messages, source-generated (no boxing, no formatting when the level is off).</summary>
internal static partial class PartyLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "registered as {Node}: parties {Parties}")]
    public static partial void Registered(this ILogger logger, string node, string parties);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the coordinator no longer knows node {Node}; registering again")]
    public static partial void Forgotten(this ILogger logger, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "coordinator says stop: {Reason}")]
    public static partial void StopReceived(this ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "task {Task} is for party {Party}, which this node does not host")]
    public static partial void TaskForUnknownParty(this ILogger logger, string task, int party);

    [LoggerMessage(Level = LogLevel.Debug, Message = "heartbeat failed: {Detail}")]
    public static partial void HeartbeatFailed(this ILogger logger, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "deregistered {Node}: {Reason}")]
    public static partial void Deregistered(this ILogger logger, string node, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "party {Party} round {Round}: result not accepted: {Reason}")]
    public static partial void ResultRefused(this ILogger logger, int party, int round, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "party {Party} round {Round}: {Error}")]
    public static partial void TaskFailed(this ILogger logger, int party, int round, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "party {Party} failed in round {Round}")]
    public static partial void TrainingFailed(this ILogger logger, Exception exception, int party, int round);

    [LoggerMessage(Level = LogLevel.Information, Message = "coordinator at {Address} not answering yet ({Detail}); retrying")]
    public static partial void CoordinatorNotUp(this ILogger logger, Uri address, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "nothing to do: {Detail}")]
    public static partial void NothingToDo(this ILogger logger, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "standing by: {Detail}")]
    public static partial void StandingBy(this ILogger logger, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "parties taken over by another node ({Detail}); asking for a share")]
    public static partial void PartiesTakenOver(this ILogger logger, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the coordinator now runs '{Run}', not the run this node loaded; loading it afresh")]
    public static partial void NewRun(this ILogger logger, string run);
}
