using FedSim.Party;

namespace FedSim.Cli.Tests;

[Collection("runs")]
public sealed class FailureTests : IDisposable
{
    private readonly TestWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task A_node_that_dies_mid_round_is_recorded_and_the_run_goes_on()
    {
        var outDir = _ws.Path_("run");
        var external = await ExternalRun.Start(_ws.WriteScenario("s.yaml", SmallScenario.Yaml(parties: 4, rounds: 3, minParties: 2)), outDir);
        var (run, url) = (external.Summary, external.Address);

        await using var survivor = new PartyNode(new PartyNodeOptions(url) { PartyIds = [0, 1, 2], Workers = 1, Name = "survivor" });
        await using var doomed = new PartyNode(new PartyNodeOptions(url) { PartyIds = [3], Workers = 1, Name = "doomed" });
        // The doomed node dies as soon as its first task's weights arrive: mid-round, before it can answer.
        doomed.TaskReceived += (_, _) => doomed.Kill();
        var survivorRun = survivor.RunAsync(CancellationToken.None);
        var doomedRun = doomed.RunAsync(CancellationToken.None);

        var summary = await run.WaitAsync(TimeSpan.FromMinutes(3));
        await survivorRun.WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => doomedRun);

        Assert.Equal("completed", summary.Status);
        Assert.Equal(3, summary.RoundsCompleted);
        var rows = Csv.Read(Path.Combine(outDir, "metrics.csv"));
        Assert.All(rows, r =>
        {
            Assert.Equal("3", r["parties_ok"]);
            Assert.Equal("1", r["parties_failed"]);
            Assert.Equal("3", r["failed_parties"]);
        });
        var failed = Csv.Read(Path.Combine(outDir, "parties.csv")).Where(r => r["status"] == "failed").ToList();
        Assert.Equal(3, failed.Count);
        Assert.Contains("gone", failed[0]["error"]);
        Assert.Contains("no live party node", failed[1]["error"]);
    }

    [Fact]
    public async Task Fewer_answers_than_min_parties_stop_the_run_with_the_reason()
    {
        var outDir = _ws.Path_("run");
        var external = await ExternalRun.Start(_ws.WriteScenario("s.yaml", SmallScenario.Yaml(parties: 2, rounds: 2, minParties: 2)), outDir);
        var (run, url) = (external.Summary, external.Address);
        await using var a = new PartyNode(new PartyNodeOptions(url) { PartyIds = [0], Workers = 1 });
        await using var b = new PartyNode(new PartyNodeOptions(url) { PartyIds = [1], Workers = 1 });
        b.TaskReceived += (_, _) => b.Kill();
        var aRun = a.RunAsync(CancellationToken.None);
        var bRun = b.RunAsync(CancellationToken.None);

        var summary = await run.WaitAsync(TimeSpan.FromMinutes(3));
        await aRun.WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bRun);

        Assert.Equal("failed", summary.Status);
        Assert.Equal(0, summary.RoundsCompleted);
        Assert.Contains("min_parties", summary.Error);
        Assert.True(File.Exists(Path.Combine(outDir, "summary.json")));
        Assert.Contains("\"failed\"", File.ReadAllText(Path.Combine(outDir, "summary.json")));
        // The failed round made no model, so metrics.csv has no row, but parties.csv keeps both parties' outcomes.
        Assert.Empty(Csv.Read(Path.Combine(outDir, "metrics.csv")));
        var parties = Csv.Read(Path.Combine(outDir, "parties.csv"));
        Assert.Equal(["1,0,ok", "1,1,failed"], parties.Select(r => $"{r["round"]},{r["party"]},{r["status"]}"));
        Assert.StartsWith("not aggregated: only 1 of 2 sampled parties answered", parties[0]["error"]);
        Assert.Contains("gone", parties[1]["error"]);
        Assert.NotEqual("0", parties[0]["bytes_up"]);
    }
}
