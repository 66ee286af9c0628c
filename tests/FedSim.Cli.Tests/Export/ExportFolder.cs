namespace FedSim.Cli.Tests.Export;

/// <summary>A temp folder holding a scenario file, where <c>fedsim export</c> writes its files.</summary>
internal sealed class ExportFolder : IDisposable
{
    /// <summary>A 20-party scenario on Fashion-MNIST; export needs no data, only the scenario.</summary>
    public const string TwentyParties = """
        name: twenty
        dataset:
          name: fashion-mnist
          path: /srv/data/fashion-mnist
        partition:
          strategy: dirichlet
          parties: 20
          beta: 0.5
        federation:
          rounds: 3
          min_parties: 10
        deployment:
          mode: processes
          party_processes: 3
          workers: 2
        """;

    public ExportFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "fedsim-export-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Out => Path.Combine(Root, "out");

    public string WriteScenario(string yaml, string name = "scenario.yaml")
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>Runs <c>fedsim export KIND SCENARIO --out OUT ARGS...</c>; the command must succeed.</summary>
    public async Task<string> Export(string kind, string scenario, params string[] args)
    {
        var (exit, stdout, stderr) = await CliRunner.Run(["export", kind, scenario, "--out", Out, .. args]);
        Assert.True(exit == 0, $"export {kind} exited {exit}: {stderr}");
        return stdout;
    }

    public string Read(string name) => File.ReadAllText(Path.Combine(Out, name));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
