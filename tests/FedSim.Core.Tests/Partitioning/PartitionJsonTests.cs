using System.Text;
using System.Text.Json;
using FedSim.Core.Partitioning;
using FedSim.Core.Randomness;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Partitioning;

public sealed class PartitionJsonTests
{
    private static readonly int[] Labels = [0, 1, 0, 1, 0, 1, 0, 1];

    private static PartitionReport Report() => PartitionReport.Compute("dirichlet", 42, Labels, 2, [[3, 0, 1, 2], [4, 6], [7, 5]]);

    [Fact]
    public void Equal_reports_serialise_to_identical_bytes()
    {
        Assert.Equal(PartitionJson.Serialize(Report()), PartitionJson.Serialize(Report()));

        var labels = SyntheticLabels.Balanced(3000, 10);
        PartitionReport Planned() => PartitionReport.Compute("dirichlet", 1, labels, 10,
            new DirichletPartitioner(0.5, 10).Split(labels, 10, 5, Seeds.Generator(1)));
        Assert.Equal(PartitionJson.Serialize(Planned()), PartitionJson.Serialize(Planned()));
    }

    [Fact]
    public void Different_partitions_serialise_differently()
    {
        var other = PartitionReport.Compute("dirichlet", 42, Labels, 2, [[0, 3, 1, 2], [4, 6], [7, 5]]);

        Assert.NotEqual(PartitionJson.Serialize(Report()), PartitionJson.Serialize(other));
    }

    [Fact]
    public void The_output_is_valid_json_with_the_documented_keys_and_values()
    {
        using var doc = JsonDocument.Parse(PartitionJson.Serialize(Report()));
        var root = doc.RootElement;

        Assert.Equal("dirichlet", root.GetProperty("strategy").GetString());
        Assert.Equal(42, root.GetProperty("seed").GetInt32());
        Assert.Equal(2, root.GetProperty("classes").GetInt32());
        Assert.Equal(8, root.GetProperty("total_samples").GetInt32());
        var parties = root.GetProperty("parties").EnumerateArray().ToArray();
        Assert.Equal(3, parties.Length);

        var p1 = parties[1];
        Assert.Equal(1, p1.GetProperty("id").GetInt32());
        Assert.Equal([4, 6], p1.GetProperty("dataidxs").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([2, 0], p1.GetProperty("class_counts").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(2, p1.GetProperty("size").GetInt32());
        Assert.Equal(1, p1.GetProperty("classes_present").GetInt32());
        // 1.5 - 0.75 log2 3 = 0.3112781..., rounded to 6 places (see PartitionReportTests for the derivation).
        Assert.Equal(0.311278, p1.GetProperty("js_divergence").GetDouble());
        Assert.Equal(0.0, p1.GetProperty("label_entropy").GetDouble());
        // dataidxs keep the party's order, not sorted.
        Assert.Equal([3, 0, 1, 2], parties[0].GetProperty("dataidxs").EnumerateArray().Select(e => e.GetInt32()));
        // Mean JS = 2 x 0.3112781 / 3 = 0.2075187 -> 0.207519; size CV = sqrt(2) / 4 = 0.3535534 -> 0.353553.
        Assert.Equal(0.207519, root.GetProperty("mean_js_divergence").GetDouble());
        Assert.Equal(0.353553, root.GetProperty("size_cv").GetDouble());
    }

    [Fact]
    public void Each_party_starts_its_own_line_and_the_file_ends_with_a_newline()
    {
        var text = Encoding.UTF8.GetString(PartitionJson.Serialize(Report()));

        Assert.EndsWith("\n", text);
        Assert.Equal(3, text.Split('\n').Count(l => l.StartsWith("{\"id\":", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_feature_noise_partition_writes_each_partys_noise_std()
    {
        var scenario = TestScenarios.Parse("partition:\n  strategy: feature-noise\n  parties: 3\n  noise_sigma: 0.5\n", "p.yaml");
        var report = PartitionPlanner.Plan(scenario, SyntheticLabels.Balanced(30, 10), 10);

        using var doc = JsonDocument.Parse(PartitionJson.Serialize(report));
        var stds = doc.RootElement.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("noise_std").GetDouble());

        Assert.Equal([0.0, 0.25, 0.5], stds);
    }

    [Fact]
    public void Parties_without_input_transforms_write_no_noise_std_and_keep_their_bytes()
    {
        var text = Encoding.UTF8.GetString(PartitionJson.Serialize(Report()));

        Assert.DoesNotContain("noise_std", text);
        Assert.Equal(
            "{\"strategy\":\"dirichlet\",\"seed\":42,\"classes\":2,\"total_samples\":8,\"mean_js_divergence\":0.207519,\"max_js_divergence\":0.311278,\"size_cv\":0.353553,\"parties\":[\n" +
            "{\"id\":0,\"size\":4,\"classes_present\":2,\"label_entropy\":1,\"js_divergence\":0,\"class_counts\":[2,2],\"dataidxs\":[3,0,1,2]},\n" +
            "{\"id\":1,\"size\":2,\"classes_present\":1,\"label_entropy\":0,\"js_divergence\":0.311278,\"class_counts\":[2,0],\"dataidxs\":[4,6]},\n" +
            "{\"id\":2,\"size\":2,\"classes_present\":1,\"label_entropy\":0,\"js_divergence\":0.311278,\"class_counts\":[0,2],\"dataidxs\":[7,5]}]}\n",
            text);
    }
}
