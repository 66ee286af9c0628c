using FedSim.Core.Weights;

namespace FedSim.Core.Algorithms;

/// <summary>
/// An asynchronous algorithm's coordinator half: the coordinator's async loop (driven by the simulated clock) offers
/// each update as it finishes, with its staleness; the strategy says when that makes a server step. Pure: no I/O.
/// </summary>
public interface IAsyncStrategy
{
    /// <summary>Takes one update; returns the server step it completes (the new global model), or null when it only buffered it.</summary>
    AsyncStep? Offer(AsyncUpdate update, ModelWeights globalModel);
}
