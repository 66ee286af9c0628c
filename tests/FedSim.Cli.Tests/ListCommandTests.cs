using FedSim.Core.Components;

namespace FedSim.Cli.Tests;

public sealed class ListCommandTests
{
    public static TheoryData<string, string> Kinds() => new()
    {
        { "algorithms", "fedavg" },
        { "partitions", "dirichlet" },
        { "datasets", "fashion-mnist" },
        { "models", "simple-cnn" },
        { "codecs", "fp32" },
        { "distributions", "lognormal" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_kind_prints_the_catalog_listing_of_that_kind(string kind, string member)
    {
        var (exit, stdout, stderr) = await CliRunner.Run("list", kind);

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Equal(CatalogListing.Render(ScenarioFile.Schema, ComponentKinds.Parse(kind)), stdout);
        Assert.StartsWith($"{kind} (chosen by ", stdout);
        Assert.Contains($"\n  {member} ", stdout);
        foreach (var other in ComponentKinds.All.Select(ComponentKinds.Plural).Where(k => k != kind))
            Assert.DoesNotContain($"{other} (chosen by ", stdout);
    }

    [Fact]
    public void The_theory_covers_every_kind()
    {
        Assert.Equal(ComponentKinds.All.Select(ComponentKinds.Plural).Order(), Kinds().Select(row => (string)row[0]).Order());
    }

    [Fact]
    public async Task A_singular_kind_means_the_same()
    {
        var singular = await CliRunner.Run("list", "algorithm");
        var plural = await CliRunner.Run("list", "algorithms");

        Assert.Equal(0, singular.Exit);
        Assert.Equal(plural.Out, singular.Out);
    }

    [Fact]
    public async Task Without_a_kind_every_kind_is_listed()
    {
        var (exit, stdout, _) = await CliRunner.Run("list");

        Assert.Equal(0, exit);
        Assert.Equal(CatalogListing.Render(ScenarioFile.Schema), stdout);
        foreach (var kind in ComponentKinds.All) Assert.Contains($"{ComponentKinds.Plural(kind)} (chosen by ", stdout);
    }

    [Fact]
    public async Task An_unknown_kind_exits_2_naming_the_known_ones()
    {
        var stderr = await CliRunner.UsageError("list", "widgets");

        Assert.Contains("fedsim: unknown kind 'widgets' (kinds: algorithms, partitions, datasets, models, codecs, distributions)", stderr);
        Assert.Contains("run 'fedsim list --help' for usage", stderr);
    }
}
