using FedSim.Core.Components;
using FedSim.Core.Scenarios;

namespace FedSim.Data.Tests;

/// <summary>A dataset section written as the tests think of it (one flat record), turned into the scenario's section with each dataset's options.</summary>
internal sealed record TestSection(string Name, string? Path)
{
    public string? TestPath { get; init; }
    public double TestFraction { get; init; } = 0.2;
    public int LabelColumn { get; init; } = -1;
    public int GroupColumn { get; init; } = -1;
    public int Samples { get; init; } = 4000;

    public static implicit operator DatasetSection(TestSection s)
    {
        var component = DatasetCatalog.Registry.Get(s.Name);
        var options = s.Name switch
        {
            "csv" => new CsvOptions { LabelColumn = s.LabelColumn, GroupColumn = s.GroupColumn },
            "fcube" => (object)new FcubeOptions { Samples = s.Samples },
            _ => component.Options.CreateDefault(),
        };
        return new DatasetSection
        {
            Component = new ComponentChoice(s.Name, options) { Component = component },
            Path = s.Path,
            TestPath = s.TestPath,
            TestFraction = s.TestFraction,
        };
    }
}
