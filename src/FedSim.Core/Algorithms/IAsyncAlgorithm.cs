using FedSim.Core.Scenarios;

namespace FedSim.Core.Algorithms;

/// <summary>A registered asynchronous algorithm: its coordinator half for the async loop.</summary>
internal interface IAsyncAlgorithm : IAlgorithm
{
    IAsyncStrategy CreateAsyncStrategy(object? options, Scenario scenario);
}
