using FedSim.Core.Scenarios;

namespace FedSim.Cli.Tests.Export;

public sealed class KubernetesExportTests : IDisposable
{
    private readonly ExportFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_20_party_scenario_gives_consistent_manifests_sized_for_it()
    {
        await _folder.Export("k8s", _folder.WriteScenario(ExportFolder.TwentyParties), "--namespace", "fl-test", "--image", "fedsim:test");
        var docs = YamlTree.LoadAll(_folder.Read("fedsim.yaml"));
        Assert.Equal(
            [("v1", "Namespace"), ("v1", "ConfigMap"), ("v1", "PersistentVolumeClaim"), ("v1", "Service"), ("batch/v1", "Job"),
             ("v1", "Service"), ("apps/v1", "StatefulSet")],
            docs.Select(d => (YamlTree.Text(d, "apiVersion"), YamlTree.Text(d, "kind"))).ToList());
        Assert.Equal("fl-test", YamlTree.Text(docs[0], "metadata", "name"));
        Assert.All(docs.Skip(1), d => Assert.Equal("fl-test", YamlTree.Text(d, "metadata", "namespace")));
        var (configMap, claim, coordinatorService, job, partyService, statefulSet) = (docs[1], docs[2], docs[3], docs[4], docs[5], docs[6]);

        // The ConfigMap holds the resolved scenario, which loads as it is.
        var scenario = ScenarioLoader.Parse(YamlTree.Text(configMap, "data", "scenario.yaml"), "configmap");
        Assert.Equal(20, scenario.Partition.Parties);
        Assert.Equal(3, scenario.Deployment.PartyProcesses);
        Assert.Equal("/usr/share/datasets/fashion-mnist", scenario.Dataset.Path);

        // Coordinator: a Job (a finished run is not restarted) behind a Service that selects its pod.
        var coordinatorPod = YamlTree.Map(job, "spec", "template");
        Assert.Equal("0", YamlTree.Text(job, "spec", "backoffLimit"));
        Assert.Equal("Never", YamlTree.Text(coordinatorPod, "spec", "restartPolicy"));
        AssertSelects(YamlTree.Map(coordinatorService, "spec", "selector"), coordinatorPod);
        Assert.False(YamlTree.Has(YamlTree.Map(coordinatorService, "spec"), "clusterIP"));
        AssertGrpcPort(coordinatorService);
        var coordinator = Container(coordinatorPod);
        Assert.Equal("fedsim:test", YamlTree.Text(coordinator, "image"));
        Assert.Equal(["coordinator", "/scenario/scenario.yaml", "--listen", "http://0.0.0.0:50051", "--out", "/results/run"],
            YamlTree.Strings(coordinator, "args"));
        var coordinatorVolumes = VolumesByMount(coordinatorPod);
        Assert.Equal(YamlTree.Text(configMap, "metadata", "name"), YamlTree.Text(coordinatorVolumes["/scenario"], "configMap", "name"));
        Assert.Equal(YamlTree.Text(claim, "metadata", "name"),
            YamlTree.Text(coordinatorVolumes["/results"], "persistentVolumeClaim", "claimName"));
        Assert.Equal("/srv/data/fashion-mnist", YamlTree.Text(coordinatorVolumes["/usr/share/datasets/fashion-mnist"], "hostPath", "path"));
        Assert.Equal("Directory", YamlTree.Text(coordinatorVolumes["/usr/share/datasets/fashion-mnist"], "hostPath", "type"));
        Assert.Equal("ReadWriteOnce", Assert.Single(YamlTree.Strings(claim, "spec", "accessModes")));

        // Party nodes: a StatefulSet of party_processes replicas whose shares cover every party.
        var partyPod = YamlTree.Map(statefulSet, "spec", "template");
        AssertSelects(YamlTree.Map(statefulSet, "spec", "selector", "matchLabels"), partyPod);
        AssertSelects(YamlTree.Map(partyService, "spec", "selector"), partyPod);
        Assert.Equal(YamlTree.Text(partyService, "metadata", "name"), YamlTree.Text(statefulSet, "spec", "serviceName"));
        Assert.Equal("None", YamlTree.Text(partyService, "spec", "clusterIP"));
        var replicas = int.Parse(YamlTree.Text(statefulSet, "spec", "replicas"));
        Assert.Equal(3, replicas);
        Assert.True(replicas * (int)Math.Ceiling(20.0 / replicas) >= 20);
        var party = Container(partyPod);
        Assert.Equal("fedsim:test", YamlTree.Text(party, "image"));
        var coordinatorUrl = $"http://{YamlTree.Text(coordinatorService, "metadata", "name")}:50051";
        Assert.Equal(["party", "--coordinator", coordinatorUrl, "--workers", "2", "--threads", "1", "--health", "http://0.0.0.0:50051"],
            YamlTree.Strings(party, "args"));
        Assert.Equal("2", YamlTree.Text(party, "resources", "requests", "cpu"));
        Assert.Equal("2", YamlTree.Text(party, "resources", "limits", "cpu"));
        Assert.EndsWith("Mi", YamlTree.Text(party, "resources", "requests", "memory"));
        Assert.EndsWith("Mi", YamlTree.Text(party, "resources", "limits", "memory"));
        var partyDataset = Assert.Single(VolumesByMount(partyPod));
        Assert.Equal("/usr/share/datasets/fashion-mnist", partyDataset.Key);

        foreach (var (pod, container) in new[] { (coordinatorPod, coordinator), (partyPod, party) })
        {
            Assert.Equal("true", YamlTree.Text(pod, "spec", "securityContext", "runAsNonRoot"));
            Assert.Equal("1654", YamlTree.Text(pod, "spec", "securityContext", "runAsUser"));
            foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
                Assert.Equal("50051", YamlTree.Text(container, probe, "grpc", "port"));
            Assert.Equal(("grpc", "50051"), (YamlTree.Text(YamlTree.List(container, "ports")[0], "name"),
                YamlTree.Text(YamlTree.List(container, "ports")[0], "containerPort")));
            Assert.True(YamlTree.Has(YamlTree.Map(container, "resources"), "requests"));
        }
        Assert.Equal("true", YamlTree.Text(YamlTree.List(party, "volumeMounts")[0], "readOnly"));
        // A party pod is ready once its node is registered (a standby node is alive but not ready).
        Assert.Equal("fedsim.v1.PartyNode", YamlTree.Text(party, "readinessProbe", "grpc", "service"));
        Assert.False(YamlTree.Has(YamlTree.Map(party, "livenessProbe", "grpc"), "service"));
        Assert.False(YamlTree.Has(YamlTree.Map(coordinator, "readinessProbe", "grpc"), "service"));

        // The reader pod mounts the same results claim, read-only.
        var reader = YamlTree.Load(_folder.Read("results-reader.yaml"));
        Assert.Equal("Pod", YamlTree.Text(reader, "kind"));
        var readerVolume = YamlTree.Map(Assert.Single(YamlTree.List(reader, "spec", "volumes")), "persistentVolumeClaim");
        Assert.Equal(YamlTree.Text(claim, "metadata", "name"), YamlTree.Text(readerVolume, "claimName"));
        Assert.Equal("true", YamlTree.Text(readerVolume, "readOnly"));
    }

    [Fact]
    public async Task Without_a_namespace_the_manifests_go_to_the_current_one()
    {
        await _folder.Export("k8s", _folder.WriteScenario(ExportFolder.TwentyParties));
        var docs = YamlTree.LoadAll(_folder.Read("fedsim.yaml"));
        Assert.DoesNotContain(docs, d => YamlTree.Text(d, "kind") == "Namespace");
        Assert.All(docs, d => Assert.False(YamlTree.Has(YamlTree.Map(d, "metadata"), "namespace")));
        var job = docs.Single(d => YamlTree.Text(d, "kind") == "Job");
        Assert.Equal("fedsim", YamlTree.Text(Container(YamlTree.Map(job, "spec", "template")), "image"));
    }

    [Fact]
    public async Task A_dataset_claim_replaces_the_host_path()
    {
        await _folder.Export("k8s", _folder.WriteScenario(ExportFolder.TwentyParties), "--dataset-claim", "fashion-mnist-data");
        var text = _folder.Read("fedsim.yaml");
        Assert.DoesNotContain("hostPath", text);
        foreach (var kind in new[] { "Job", "StatefulSet" })
        {
            var pod = YamlTree.Map(YamlTree.LoadAll(text).Single(d => YamlTree.Text(d, "kind") == kind), "spec", "template");
            var dataset = VolumesByMount(pod)["/usr/share/datasets/fashion-mnist"];
            Assert.Equal("fashion-mnist-data", YamlTree.Text(dataset, "persistentVolumeClaim", "claimName"));
            Assert.Equal("true", YamlTree.Text(dataset, "persistentVolumeClaim", "readOnly"));
        }
    }

    private static Dictionary<object, object> Container(Dictionary<object, object> podTemplate) =>
        Assert.IsType<Dictionary<object, object>>(Assert.Single(YamlTree.List(podTemplate, "spec", "containers")));

    /// <summary>The pod's volumes by the path its container mounts them at.</summary>
    private static Dictionary<string, object> VolumesByMount(Dictionary<object, object> podTemplate)
    {
        var volumes = YamlTree.List(podTemplate, "spec", "volumes").ToDictionary(v => YamlTree.Text(v, "name"));
        return YamlTree.List(Container(podTemplate), "volumeMounts")
            .ToDictionary(m => YamlTree.Text(m, "mountPath"), m => volumes[YamlTree.Text(m, "name")]);
    }

    private static void AssertSelects(Dictionary<object, object> selector, Dictionary<object, object> podTemplate)
    {
        var labels = YamlTree.Map(podTemplate, "metadata", "labels");
        Assert.NotEmpty(selector);
        foreach (var (key, value) in selector) Assert.Equal(value, labels.GetValueOrDefault(key));
    }

    private static void AssertGrpcPort(Dictionary<object, object> service)
    {
        var port = Assert.Single(YamlTree.List(service, "spec", "ports"));
        Assert.Equal("grpc", YamlTree.Text(port, "name"));
        Assert.Equal("50051", YamlTree.Text(port, "port"));
        Assert.Equal("grpc", YamlTree.Text(port, "targetPort"));
    }
}
