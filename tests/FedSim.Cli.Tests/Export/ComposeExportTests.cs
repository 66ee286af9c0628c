namespace FedSim.Cli.Tests.Export;

public sealed class ComposeExportTests : IDisposable
{
    private static readonly string[] HealthCheck = ["CMD", "/app/fedsim", "health", "--target", "127.0.0.1:50051"];

    private readonly ExportFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_20_party_scenario_gives_a_coordinator_and_scalable_party_nodes_sized_for_it()
    {
        var stdout = await _folder.Export("compose", _folder.WriteScenario(ExportFolder.TwentyParties), "--image", "registry.example.org/fedsim:1.0");
        Assert.Contains("20 parties on 3 party nodes (up to 7 each), 2 training worker(s) per node", stdout);
        Assert.Contains("(results on the volume 'fedsim-twenty_results')", stdout);

        var compose = YamlTree.Load(_folder.Read("compose.yaml"));
        Assert.Equal("fedsim-twenty", YamlTree.Text(compose, "name"));
        var coordinator = YamlTree.Map(compose, "services", "coordinator");
        var party = YamlTree.Map(compose, "services", "party");
        Assert.Equal("registry.example.org/fedsim:1.0", YamlTree.Text(coordinator, "image"));
        Assert.Equal("registry.example.org/fedsim:1.0", YamlTree.Text(party, "image"));
        Assert.Equal(["coordinator", "/scenario/scenario.yaml", "--listen", "http://0.0.0.0:50051", "--out", "/results/run"],
            YamlTree.Strings(coordinator, "command"));
        Assert.Equal(["party", "--coordinator", "http://coordinator:50051", "--workers", "2", "--threads", "1", "--health", "http://0.0.0.0:50051"],
            YamlTree.Strings(party, "command"));
        Assert.Equal(["50051:50051"], YamlTree.Strings(coordinator, "ports"));
        Assert.Equal(["coordinator"], YamlTree.Strings(party, "depends_on"));

        // Scalable: replicas, and nothing that two replicas could not share.
        Assert.Equal("3", YamlTree.Text(party, "deploy", "replicas"));
        Assert.False(YamlTree.Has(party, "container_name"));
        Assert.False(YamlTree.Has(party, "ports"));

        var coordinatorVolumes = Volumes(coordinator);
        Assert.Equal(("bind", "./scenario.yaml", "true"), coordinatorVolumes["/scenario/scenario.yaml"]);
        Assert.Equal(("bind", "/srv/data/fashion-mnist", "true"), coordinatorVolumes["/usr/share/datasets/fashion-mnist"]);
        Assert.Equal(("volume", "results", "-"), coordinatorVolumes["/results"]);
        Assert.True(YamlTree.Has(YamlTree.Map(compose, "volumes"), "results"));
        var partyVolumes = Volumes(party);
        Assert.Equal(("bind", "/srv/data/fashion-mnist", "true"), Assert.Single(partyVolumes).Value);

        foreach (var service in new[] { coordinator, party })
        {
            Assert.Equal(HealthCheck, YamlTree.Strings(service, "healthcheck", "test"));
            Assert.True(YamlTree.Has(YamlTree.Map(service, "healthcheck"), "start_period"));
        }
        Assert.Equal("on-failure", YamlTree.Text(party, "restart"));
        Assert.Equal("no", YamlTree.Text(coordinator, "restart"));
        Assert.Equal("2", YamlTree.Text(party, "deploy", "resources", "limits", "cpus"));
        Assert.Equal("2", YamlTree.Text(party, "deploy", "resources", "reservations", "cpus"));
        Assert.Equal("1", YamlTree.Text(coordinator, "deploy", "resources", "limits", "cpus"));

        // The scenario beside it is the resolved one, as the containers see it.
        var scenario = FedSim.Training.DefaultCatalog.Schema.Load(_folder.Read("scenario.yaml"), "scenario.yaml").Scenario;
        Assert.Equal(20, scenario.Partition.Parties);
        Assert.Equal(3, scenario.Deployment.PartyProcesses);
        Assert.Equal(2, scenario.Deployment.Workers);
        Assert.Equal("/usr/share/datasets/fashion-mnist", scenario.Dataset.Path);
        var share = (int)Math.Ceiling(20 / 3.0);
        Assert.True(3 * share >= 20);
    }

    [Fact]
    public async Task Overrides_are_baked_into_the_scenario_copy_and_the_node_count_follows_party_processes()
    {
        await _folder.Export("compose", _folder.WriteScenario(ExportFolder.TwentyParties),
            "--set", "deployment.party_processes=5", "--set", "federation.rounds=9", "--set", "deployment.workers=0");
        var party = YamlTree.Map(YamlTree.Load(_folder.Read("compose.yaml")), "services", "party");
        Assert.Equal("5", YamlTree.Text(party, "deploy", "replicas"));
        Assert.Equal("1", YamlTree.Strings(party, "command")[4]);
        Assert.Equal("1", YamlTree.Text(party, "deploy", "resources", "limits", "cpus"));
        var scenario = FedSim.Training.DefaultCatalog.Schema.Load(_folder.Read("scenario.yaml"), "scenario.yaml").Scenario;
        Assert.Equal(9, scenario.Federation.Rounds);
        Assert.Equal(5, scenario.Deployment.PartyProcesses);
        Assert.Equal(1, scenario.Deployment.Workers);
    }

    [Fact]
    public async Task More_party_processes_than_parties_gives_one_node_per_party()
    {
        // (In processes mode the scenario check itself refuses more processes than parties.)
        await _folder.Export("compose", _folder.WriteScenario(ExportFolder.TwentyParties),
            "--set", "deployment.mode=local", "--set", "deployment.party_processes=30");
        var party = YamlTree.Map(YamlTree.Load(_folder.Read("compose.yaml")), "services", "party");
        Assert.Equal("20", YamlTree.Text(party, "deploy", "replicas"));
        Assert.Equal("1", YamlTree.Strings(party, "command")[4]);
        Assert.Equal(20, FedSim.Training.DefaultCatalog.Schema.Load(_folder.Read("scenario.yaml"), "s").Scenario.Deployment.PartyProcesses);
    }

    [Fact]
    public async Task A_dollar_in_a_path_is_not_left_to_compose_interpolation()
    {
        await _folder.Export("compose", _folder.WriteScenario(ExportFolder.TwentyParties), "--dataset", "/data/$USER/fm");
        var party = YamlTree.Map(YamlTree.Load(_folder.Read("compose.yaml")), "services", "party");
        Assert.Equal("/data/$$USER/fm", Assert.Single(Volumes(party)).Value.Source);
    }

    [Fact]
    public async Task A_csv_scenario_mounts_its_training_and_test_files()
    {
        var yaml = ExportFolder.TwentyParties.Replace("name: fashion-mnist\n  path: /srv/data/fashion-mnist",
            "name: csv\n  path: /srv/tab/train.csv\n  test_path: /srv/tab/holdout/test.csv");
        await _folder.Export("compose", _folder.WriteScenario(yaml));
        var volumes = Volumes(YamlTree.Map(YamlTree.Load(_folder.Read("compose.yaml")), "services", "party"));
        Assert.Equal(("bind", "/srv/tab/train.csv", "true"), volumes["/usr/share/datasets/csv/train.csv"]);
        Assert.Equal(("bind", "/srv/tab/holdout/test.csv", "true"), volumes["/usr/share/datasets/csv/test.csv"]);
        var scenario = FedSim.Training.DefaultCatalog.Schema.Load(_folder.Read("scenario.yaml"), "s").Scenario;
        Assert.Equal("/usr/share/datasets/csv/train.csv", scenario.Dataset.Path);
        Assert.Equal("/usr/share/datasets/csv/test.csv", scenario.Dataset.TestPath);
    }

    [Fact]
    public async Task A_generated_dataset_needs_no_dataset_volume()
    {
        var yaml = ExportFolder.TwentyParties.Replace("name: fashion-mnist\n  path: /srv/data/fashion-mnist", "name: fcube")
            .Replace("strategy: dirichlet", "strategy: homo");
        await _folder.Export("compose", _folder.WriteScenario(yaml));
        var party = YamlTree.Map(YamlTree.Load(_folder.Read("compose.yaml")), "services", "party");
        Assert.Empty(YamlTree.List(party, "volumes"));
    }

    [Theory]
    [InlineData("quickstart", "fedsim-quickstart")]
    [InlineData("My Run.v2", "fedsim-my-run-v2")]
    [InlineData("???", "fedsim-fedsim")]
    public void The_project_name_is_in_composes_alphabet(string scenarioName, string project) =>
        Assert.Equal(project, FedSim.Cli.Export.ComposeExport.ProjectName(scenarioName));

    /// <summary>A service's volumes by target: (type, source, read_only or "-").</summary>
    private static Dictionary<string, (string Type, string Source, string ReadOnly)> Volumes(Dictionary<object, object> service) =>
        YamlTree.List(service, "volumes").ToDictionary(
            v => YamlTree.Text(v, "target"),
            v => (YamlTree.Text(v, "type"), YamlTree.Text(v, "source"), YamlTree.Has(v, "read_only") ? YamlTree.Text(v, "read_only") : "-"));
}
