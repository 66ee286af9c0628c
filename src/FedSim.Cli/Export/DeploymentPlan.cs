using FedSim.Core.Scenarios;

namespace FedSim.Cli.Export;

/// <summary>
/// A scenario sized for containers: <c>deployment.party_processes</c> party nodes (fewer where some would get no
/// party: <c>ceil(parties / share)</c>), each hosting up to <see cref="PartiesPerNode"/> parties (the share the
/// coordinator hands out, <c>ceil(parties / party_processes)</c>) and training
/// <see cref="WorkersPerNode"/> of them at once with one libtorch thread each, so one CPU per worker.
/// </summary>
internal sealed record DeploymentPlan(
    Scenario Scenario,
    string Image,
    int PartyNodes,
    int PartiesPerNode,
    int WorkersPerNode,
    IReadOnlyList<DatasetMount> Datasets)
{
    /// <summary>The coordinator evaluates the global model once a round; one CPU keeps it from competing with training.</summary>
    public const int CoordinatorCpus = 1;
    public const int CoordinatorMemoryRequestMiB = 1024;
    public const int CoordinatorMemoryLimitMiB = 2048;

    /// <summary>The scenario the containers run, every key resolved (overrides, container dataset paths, sizing).</summary>
    public string ScenarioYaml => ScenarioFile.ToYaml(Scenario);

    /// <summary>One CPU per training worker (each worker trains with one libtorch thread).</summary>
    public int PartyCpus => WorkersPerNode;

    /// <summary>The runtime, libtorch and one in-memory copy of the dataset, plus a model and batches per worker.</summary>
    public int PartyMemoryRequestMiB => 512 + 256 * WorkersPerNode;

    public int PartyMemoryLimitMiB => 2 * PartyMemoryRequestMiB;

    /// <summary>Where the dataset is inside the containers: the Debian package location FedSim looks at by default.</summary>
    public string DatasetDirectory => $"{ContainerLayout.DatasetRoot}/{Scenario.Dataset.Name}";

    /// <summary>
    /// Sizes <paramref name="scenario"/> (read from <paramref name="source"/>) for containers running
    /// <paramref name="image"/>; <paramref name="datasetSource"/> is the dataset on the host (a directory, or the
    /// training file for csv / libsvm), else the scenario's <c>dataset.path</c>, else the Debian package location.
    /// </summary>
    public static DeploymentPlan Create(Scenario scenario, string source, string image, string? datasetSource)
    {
        var parties = scenario.Partition.Parties;
        var share = (parties + scenario.Deployment.PartyProcesses - 1) / scenario.Deployment.PartyProcesses;
        // Each node takes up to `share` free parties when it registers, so this many nodes host them all (and the
        // coordinator computes the same share from it). A node beyond them would get none and idle as a standby
        // through the whole run.
        var nodes = (parties + share - 1) / share;
        var workers = scenario.Deployment.Workers > 0 ? Math.Min(scenario.Deployment.Workers, share) : 1;
        var (dataset, mounts) = MountDataset(scenario.Dataset, source, datasetSource);
        var deployed = scenario with
        {
            Dataset = dataset,
            Deployment = scenario.Deployment with { PartyProcesses = nodes, Workers = workers },
        };
        return new DeploymentPlan(deployed, image, nodes, share, workers, mounts);
    }

    private static (DatasetSection Dataset, IReadOnlyList<DatasetMount> Mounts) MountDataset(DatasetSection d, string source, string? host)
    {
        var dir = $"{ContainerLayout.DatasetRoot}/{d.Name}";
        switch (d.Name)
        {
            case "fcube":
                if (host is not null) throw new UsageException("--dataset: fcube is generated; it needs no dataset files");
                return (d, []);
            case "csv" or "libsvm":
                var train = host ?? d.Path ?? throw new ScenarioException(
                    [new ScenarioError(source, null, "dataset.path", $"{d.Name} needs its training file to export (or pass --dataset FILE)")]);
                var mounts = new List<DatasetMount> { new(FullPath(train), $"{dir}/{Path.GetFileName(train)}", IsFile: true) };
                if (!string.IsNullOrEmpty(d.TestPath))
                {
                    if (Path.GetFileName(d.TestPath) == Path.GetFileName(train))
                        throw new ScenarioException([new ScenarioError(source, null, "dataset.test_path",
                            $"has the same file name as the training file ('{Path.GetFileName(train)}'); both are mounted into {dir}")]);
                    mounts.Add(new DatasetMount(FullPath(d.TestPath), $"{dir}/{Path.GetFileName(d.TestPath)}", IsFile: true));
                }
                return (d with { Path = mounts[0].Target, TestPath = mounts.Count > 1 ? mounts[1].Target : null }, mounts);
            default:
                var hostDir = host ?? d.Path ?? dir;
                return (d with { Path = dir }, [new DatasetMount(FullPath(hostDir), dir, IsFile: false)]);
        }
    }

    private static string FullPath(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
