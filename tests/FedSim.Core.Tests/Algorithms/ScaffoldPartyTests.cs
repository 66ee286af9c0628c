using FedSim.Core.Algorithms;
using FedSim.Core.LocalTraining;
using FedSim.Core.Weights;

namespace FedSim.Core.Tests.Algorithms;

/// <summary>SCAFFOLD's party half: each party's c_i, the correction it asks of local training, and the delta it returns.</summary>
public sealed class ScaffoldPartyTests
{
    private static ModelWeights Filled(float value) =>
        new([new NamedTensor("w", [2, 2], Enumerable.Repeat(value, 4).ToArray()), new NamedTensor("b", [2], [value, value])]);

    private static PartyTask Task(int party, ModelWeights global, float serverC) =>
        new(1, party, global, new PartyInstructions { Payloads = new Dictionary<string, ModelWeights> { [Scaffold.ServerControl] = Filled(serverC) } });

    private static StepCorrection Correction(Scaffold.Party party, PartyTask task) => Assert.IsType<StepCorrection>(Assert.Single(party.Prepare(task)));

    [Fact]
    public void Parties_keep_their_control_variate_between_rounds()
    {
        var party = new Scaffold.Party(lr: 0.1);
        var task = Task(3, Filled(1f), 0.25f);

        // c_i starts at zero, so the correction is c - 0 = 0.25.
        Assert.All(Correction(party, task).Correction[0].Data, v => Assert.Equal(0.25f, v));

        var extra = party.Finish(task, new LocalOutcome(Filled(0.5f), 8, 5, 0));

        // c_i+ = 0 - 0.25 + (1 - 0.5) / (5 * 0.1) = 0.75; delta = 0.75.
        Assert.All(extra[Scaffold.ControlDelta][0].Data, v => Assert.Equal(0.75f, v, 5));
        Assert.All(party.ControlOf(3)![0].Data, v => Assert.Equal(0.75f, v, 5));
        // Next round the correction uses the stored c_i: 0.25 - 0.75 = -0.5.
        Assert.All(Correction(party, task).Correction[0].Data, v => Assert.Equal(-0.5f, v, 5));
        Assert.Null(party.ControlOf(4));
    }

    [Fact]
    public void A_round_that_diverged_keeps_the_old_control_variate()
    {
        var party = new Scaffold.Party(lr: 0.1);
        var task = Task(3, Filled(1f), 0.25f);
        party.Prepare(task);
        party.Finish(task, new LocalOutcome(Filled(0.5f), 8, 5, 0));
        var before = party.ControlOf(3)!;

        var diverged = Filled(0.5f).Tensors.Select((t, i) => i == 0 ? new NamedTensor(t.Name, t.Shape, t.Data.Select((v, j) => j == 0 ? float.NaN : v).ToArray()) : t);
        var extra = party.Finish(task, new LocalOutcome(new ModelWeights(diverged), 8, 5, 0));

        // The coordinator rejects this update (its delta is not finite either), so c_i must stay where the server thinks it is.
        Assert.NotNull(extra[Scaffold.ControlDelta].FirstNonFinite());
        Assert.Same(before, party.ControlOf(3));
        // The next round's correction is finite again: 0.25 - 0.75.
        Assert.All(Correction(party, task).Correction[0].Data, v => Assert.Equal(-0.5f, v, 5));
    }

    [Fact]
    public void A_task_without_the_server_control_variate_is_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => new Scaffold.Party(0.1).Prepare(new PartyTask(1, 0, Filled(1f), PartyInstructions.None)));

        Assert.Contains("scaffold.c", e.Message);
    }
}
