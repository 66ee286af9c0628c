using FedSim.Core.Components;
using FedSim.Core.Tests.TestSupport;

namespace FedSim.Core.Tests.Components;

public sealed class CatalogListingTests
{
    private static string List(ComponentKind? kind = null) => CatalogListing.Render(TestScenarios.Schema, kind);

    [Fact]
    public void Every_registered_component_of_every_kind_is_listed_with_its_summary()
    {
        var text = List();

        foreach (var kind in ComponentKinds.All)
        {
            Assert.Contains(ComponentKinds.Plural(kind) + " (chosen by ", text);
            foreach (var c in TestScenarios.Schema.Catalog[kind].All) Assert.Contains($"  {c.Name} ", text.Replace(c.Name + "  ", c.Name + " "));
            foreach (var c in TestScenarios.Schema.Catalog[kind].All) Assert.Contains(c.Summary, text);
        }
    }

    [Fact]
    public void Options_are_listed_with_their_scenario_key_default_bounds_and_help()
    {
        var text = List(ComponentKind.Algorithm);

        Assert.StartsWith("algorithms (chosen by federation.algorithm):\n", text);
        Assert.Contains("federation.fedprox.mu: 0.01  (a number >= 0)  weight of the proximal term", text);
        Assert.Contains("fedavg", text);
        Assert.Contains("[default]", text.Split('\n').Single(l => l.TrimStart().StartsWith("fedavg ", StringComparison.Ordinal)));
        Assert.DoesNotContain("datasets", text);
    }

    [Fact]
    public void Inline_choices_name_their_selector_and_their_options_sit_under_the_choice()
    {
        var text = List(ComponentKind.Codec);

        Assert.StartsWith("codecs (chosen by compression.uplink (codec) or compression.downlink (codec)):\n", text);
        Assert.Contains("fp16", text);
    }

    [Fact]
    public void Partitioner_options_sit_under_the_partitioner_s_name()
    {
        Assert.Contains("partition.label-k.classes_per_party: 2  (an integer >= 1)", List(ComponentKind.Partitioner));
        Assert.Contains("dataset.csv.label_column: -1", List(ComponentKind.Dataset));
    }

    [Theory]
    [InlineData("algorithms", ComponentKind.Algorithm)]
    [InlineData("algorithm", ComponentKind.Algorithm)]
    [InlineData("partitions", ComponentKind.Partitioner)]
    [InlineData("codecs", ComponentKind.Codec)]
    public void Kinds_are_named_in_the_plural_or_singular(string text, ComponentKind kind)
    {
        Assert.Equal(kind, ComponentKinds.Parse(text));
        Assert.Null(ComponentKinds.Parse("strategies"));
    }
}
