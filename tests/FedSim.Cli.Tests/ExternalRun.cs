using FedSim.Coordinator;
using Microsoft.Extensions.Logging.Abstractions;

namespace FedSim.Cli.Tests;

/// <summary>A coordinator-only run (as `fedsim coordinator`), for tests that drive party nodes themselves.</summary>
internal sealed class ExternalRun
{
    private ExternalRun(Task<RunSummary> summary, Uri address)
    {
        Summary = summary;
        Address = address;
    }

    public Task<RunSummary> Summary { get; }
    public Uri Address { get; }

    public static async Task<ExternalRun> Start(string scenarioPath, string outDir, IRunObserver? observer = null)
    {
        var scenario = FedSim.Training.DefaultCatalog.Schema.Load(File.ReadAllText(scenarioPath), scenarioPath).Scenario;
        var address = new TaskCompletionSource<Uri>();
        var simulation = new Simulation(scenario, outDir, observer ?? new Quiet(), NullLoggerFactory.Instance, TimeProvider.System)
        {
            Listening = address.SetResult,
        };
        var run = simulation.RunAsync(new Uri("http://127.0.0.1:0"), Simulation.Parties.External, CancellationToken.None);
        var url = await address.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return new ExternalRun(run, url);
    }

    private sealed class Quiet : IRunObserver;
}
