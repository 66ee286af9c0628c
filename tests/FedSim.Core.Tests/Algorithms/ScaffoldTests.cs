using FedSim.Core.Algorithms;
using FedSim.Core.Tests.TestSupport;
using FedSim.Core.Weights;

namespace FedSim.Core.Tests.Algorithms;

public sealed class ScaffoldTests
{
    private static ModelWeights W(params float[] v) => new([new NamedTensor("w", [v.Length], v)]);

    /// <summary>A SCAFFOLD result: model value <paramref name="w"/> from <paramref name="n"/> examples, control delta <paramref name="delta"/>.</summary>
    private static PartyResult Result(int id, long n, float w, float delta) => new(id, n, 3, 0, 0, W(w))
    {
        Payloads = new Dictionary<string, ModelWeights> { [Scaffold.ControlDelta] = W(delta) },
    };

    [Fact]
    public void The_party_control_update_is_option_two()
    {
        // c_i 0.1, c 0.3, w_global 1.0, w_i 0.6, K 4, lr 0.1: (1.0 - 0.6) / (4 * 0.1) = 1.0,
        // c_i+ = 0.1 - 0.3 + 1.0 = 0.8, delta = 0.7.
        var (next, delta) = ScaffoldControl.PartyUpdate(W(0.1f), W(0.3f), W(1.0f), W(0.6f), 4, 0.1);
        Assert.Equal(0.8f, next[0].Data[0], 6);
        Assert.Equal(0.7f, delta[0].Data[0], 6);
    }

    [Fact]
    public void The_server_control_moves_by_the_deltas_over_all_parties_not_the_sampled_ones()
    {
        // c 0.3 + (0.7 + 0.1) / 10 parties = 0.38 (dividing by the 2 sampled would give 0.7).
        var deltas = new WeightedSum(W(0f));
        deltas.Add(W(0.7f), 1, "a");
        deltas.Add(W(0.1f), 1, "b");
        var c = ScaffoldControl.ServerUpdate(W(0.3f), deltas, totalParties: 10);
        Assert.Equal(0.38f, c[0].Data[0], 6);
    }

    [Fact]
    public void Control_variates_start_at_zero_and_travel_with_the_model()
    {
        var scaffold = new Scaffold.Server();
        var global = scaffold.Initialize(W(5f, 6f), totalParties: 4);
        Assert.Equal([5f, 6f], global[0].Data);
        Assert.All(scaffold.Control[0].Data, v => Assert.Equal(0f, v));

        var instructions = scaffold.InstructionsFor(1, 0, global);
        Assert.Same(scaffold.Control, instructions.Payloads[Scaffold.ServerControl]);
    }

    [Fact]
    public void Aggregation_averages_models_by_size_and_updates_the_control()
    {
        var scaffold = new Scaffold.Server();
        var global = scaffold.Initialize(W(0f), totalParties: 4);

        var next = scaffold.Aggregate(1, global, [Result(0, 1, 4f, 0.4f), Result(1, 3, 8f, 0.8f)], []);

        Assert.Equal(7f, next[0].Data[0], 6); // 0.25 * 4 + 0.75 * 8
        Assert.Equal(0.3f, scaffold.Control[0].Data[0], 6); // (0.4 + 0.8) / 4 parties
    }

    [Fact]
    public void A_result_without_its_control_delta_is_refused()
    {
        var scaffold = new Scaffold.Server();
        var global = scaffold.Initialize(W(0f), totalParties: 2);
        var e = Assert.Throws<InvalidDataException>(() => scaffold.Aggregate(1, global, [new PartyResult(1, 1, 1, 0, 0, W(1f))], []));
        Assert.Contains(Scaffold.ControlDelta, e.Message);
    }

    [Fact]
    public void A_later_round_reuses_the_accumulators_without_carrying_anything_over()
    {
        var scaffold = new Scaffold.Server();
        var global = scaffold.Initialize(W(0f), totalParties: 4);
        global = scaffold.Aggregate(1, global, [Result(0, 1, 4f, 0.4f), Result(1, 3, 8f, 0.8f)], []); // 7, c = 0.3

        var next = scaffold.Aggregate(2, global, [Result(2, 1, 2f, 0.2f), Result(3, 1, 6f, -0.6f)], []);

        Assert.Equal(4f, next[0].Data[0], 6); // 0.5 * 2 + 0.5 * 6
        Assert.Equal(0.2f, scaffold.Control[0].Data[0], 6); // 0.3 + (0.2 - 0.6) / 4 parties
    }
}
