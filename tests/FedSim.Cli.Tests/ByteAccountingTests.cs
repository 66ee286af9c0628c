using System.Collections.Concurrent;
using System.Globalization;
using FedSim.Party;

namespace FedSim.Cli.Tests;

[Collection("runs")]
public sealed class ByteAccountingTests : IDisposable
{
    private readonly TestWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Coordinator_and_nodes_count_the_same_bytes_for_every_party_and_round()
    {
        var outDir = _ws.Path_("run");
        var run = await ExternalRun.Start(_ws.WriteScenario("s.yaml", SmallScenario.Yaml(parties: 3, rounds: 2)), outDir);
        var reports = new ConcurrentBag<NodeTaskReport>();
        await using var a = new PartyNode(new PartyNodeOptions(run.Address) { PartyIds = [0, 1], Workers = 2 });
        await using var b = new PartyNode(new PartyNodeOptions(run.Address) { PartyIds = [2], Workers = 1 });
        a.TaskDone += reports.Add;
        b.TaskDone += reports.Add;

        await Task.WhenAll(a.RunAsync(CancellationToken.None), b.RunAsync(CancellationToken.None), run.Summary).WaitAsync(TimeSpan.FromMinutes(3));

        var rows = Csv.Read(Path.Combine(outDir, "parties.csv"));
        Assert.Equal(6, rows.Count);
        Assert.Equal(6, reports.Count);
        foreach (var row in rows)
        {
            var round = int.Parse(row["round"], CultureInfo.InvariantCulture);
            var party = int.Parse(row["party"], CultureInfo.InvariantCulture);
            var seen = Assert.Single(reports, r => r.Round == round && r.PartyId == party);
            Assert.True(seen.Accepted);
            Assert.Equal(seen.BytesUp, long.Parse(row["bytes_up"], CultureInfo.InvariantCulture));
            Assert.Equal(seen.BytesDown, long.Parse(row["bytes_down"], CultureInfo.InvariantCulture));
            // The model is 44,426 float32 values each way, plus headers and framing of well under 1%.
            Assert.InRange(seen.BytesUp, 44_426 * 4, 44_426 * 4 * 101 / 100);
            Assert.InRange(seen.BytesDown, 44_426 * 4, 44_426 * 4 * 101 / 100);
        }
    }
}
