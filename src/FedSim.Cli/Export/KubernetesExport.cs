using FedSim.Core.Yaml;
using Map = System.Collections.Generic.Dictionary<string, object?>;

namespace FedSim.Cli.Export;

/// <summary>
/// Kubernetes manifests for one scenario (<c>fedsim.yaml</c>): optionally a Namespace; a ConfigMap with the resolved
/// scenario; a PersistentVolumeClaim for the run folder; the coordinator as a Job (a finished run is not restarted)
/// behind a Service named <c>grpc</c> on 50051; the party nodes as an Indexed Job of
/// <see cref="DeploymentPlan.PartyNodes"/> pods, which completes when the run ends (the coordinator tells every
/// node to stop, and each exits 0). Both pods are probed with native gRPC probes (grpc.health.v1) and run as the
/// image's non-root user. <c>results-reader.yaml</c> is a pod that mounts the results claim so <c>kubectl cp</c>
/// can copy the run folder out after the coordinator finished.
/// </summary>
/// <remarks>
/// Neither Job sets <c>ttlSecondsAfterFinished</c>: a finished Job holds no CPU or memory, and it is the record of
/// the run (its status, <c>kubectl logs job/...</c>). Were the coordinator Job deleted by a TTL, applying the same
/// file again would create it anew and run the whole federation again over the same results folder; an existing
/// finished Job makes that apply a no-op.
/// </remarks>
internal static class KubernetesExport
{
    public const string ManifestFileName = "fedsim.yaml";
    public const string ReaderFileName = "results-reader.yaml";
    public const string CoordinatorName = "fedsim-coordinator";
    public const string PartyName = "fedsim-party";
    public const string ScenarioConfigMap = "fedsim-scenario";
    public const string ResultsClaim = "fedsim-results";
    public const string ReaderName = "fedsim-results-reader";
    public const string ResultsStorage = "1Gi";

    /// <summary>Set by the Job controller in each pod of an Indexed Job: the pod's index, 0 to completions - 1.</summary>
    public const string CompletionIndexVariable = "JOB_COMPLETION_INDEX";

    /// <summary>The pod annotation that holds the index (the label of the same name only exists from Kubernetes 1.28).</summary>
    public const string CompletionIndexAnnotation = "batch.kubernetes.io/job-completion-index";

    /// <summary>
    /// Container restarts tolerated per party node, as the party Job's <c>backoffLimit</c> (the budget is shared:
    /// with <c>restartPolicy: OnFailure</c> the Job counts the restarts of all its pods).
    /// </summary>
    public const int PartyRestartsPerNode = 3;

    /// <summary>Where the dataset comes from: a hostPath on every node (default), or an existing volume claim.</summary>
    public sealed record Options(string? Namespace, string? DatasetClaim);

    public static IReadOnlyList<ExportFile> Files(DeploymentPlan plan, Options options) =>
    [
        new(ManifestFileName, YamlText.SerializeAll(Documents(plan, options))),
        new(ReaderFileName, YamlText.Serialize(ResultsReader(plan, options))),
    ];

    public static IReadOnlyList<Map> Documents(DeploymentPlan plan, Options options)
    {
        var docs = new List<Map>();
        if (options.Namespace is { } ns)
            docs.Add(new Map { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new Map { ["name"] = ns } });
        docs.Add(new Map
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = Metadata(ScenarioConfigMap, Labels(plan, "scenario"), options),
            ["data"] = new Map { [ContainerLayout.ScenarioFileName] = plan.ScenarioYaml },
        });
        docs.Add(new Map
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolumeClaim",
            ["metadata"] = Metadata(ResultsClaim, Labels(plan, "results"), options),
            ["spec"] = new Map
            {
                ["accessModes"] = new List<object?> { "ReadWriteOnce" },
                ["resources"] = new Map { ["requests"] = new Map { ["storage"] = ResultsStorage } },
            },
        });
        var datasets = KubernetesPods.DatasetVolumes(plan, options);
        docs.Add(CoordinatorService(Labels(plan, "coordinator"), options));
        docs.Add(CoordinatorJob(plan, options, datasets));
        docs.Add(PartyJob(plan, options, datasets));
        return docs;
    }

    /// <summary>The coordinator: one pod, never restarted, with the scenario and the results folder mounted.</summary>
    private static Map CoordinatorJob(DeploymentPlan plan, Options options, (List<object?> Volumes, List<object?> Mounts) datasets)
    {
        var labels = Labels(plan, "coordinator");
        var volumes = new List<object?>
        {
            new Map { ["name"] = "scenario", ["configMap"] = new Map { ["name"] = ScenarioConfigMap } },
            new Map { ["name"] = "results", ["persistentVolumeClaim"] = new Map { ["claimName"] = ResultsClaim } },
        };
        var mounts = new List<object?>
        {
            KubernetesPods.Mount("scenario", ContainerLayout.ScenarioDirectory, readOnly: true),
            KubernetesPods.Mount("results", ContainerLayout.ResultsDirectory, readOnly: false),
        };
        var container = KubernetesPods.FedSimContainer("coordinator", plan.Image, ContainerLayout.CoordinatorArgs, readinessService: null,
            KubernetesPods.Resources(DeploymentPlan.CoordinatorCpus, DeploymentPlan.CoordinatorMemoryRequestMiB, DeploymentPlan.CoordinatorMemoryLimitMiB),
            mounts.Concat(datasets.Mounts).ToList());
        return new Map
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = Metadata(CoordinatorName, labels, options),
            ["spec"] = new Map
            {
                // A failed run (e.g. too few parties answered) is reported, not rerun from scratch.
                ["backoffLimit"] = 0,
                ["template"] = new Map
                {
                    ["metadata"] = new Map { ["labels"] = labels },
                    ["spec"] = KubernetesPods.PodSpec("Never", container, volumes.Concat(datasets.Volumes).ToList()),
                },
            },
        };
    }

    /// <summary>The party nodes: an Indexed Job of <see cref="DeploymentPlan.PartyNodes"/> pods, restarted on failure.</summary>
    private static Map PartyJob(DeploymentPlan plan, Options options, (List<object?> Volumes, List<object?> Mounts) datasets)
    {
        var labels = Labels(plan, "party");
        var container = KubernetesPods.FedSimContainer("party", plan.Image,
            ContainerLayout.PartyArgs(CoordinatorName, plan.WorkersPerNode, $"{PartyName}-$({CompletionIndexVariable})"),
            PartyHealth.ServiceName,
            KubernetesPods.Resources(plan.PartyCpus, plan.PartyMemoryRequestMiB, plan.PartyMemoryLimitMiB), datasets.Mounts,
            env: [KubernetesPods.CompletionIndexEnv()]);
        return new Map
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = Metadata(PartyName, labels, options),
            ["spec"] = new Map
            {
                // One pod per node, all at once (each asks the coordinator for a share). When the run ends the
                // coordinator tells every node to stop; each exits 0, its index completes, and so does the Job.
                ["completionMode"] = "Indexed",
                ["completions"] = plan.PartyNodes,
                ["parallelism"] = plan.PartyNodes,
                // A node that fails (lost the coordinator, crashed, OOM-killed) is restarted in its pod, under the
                // same name; it registers again and takes the parties it left once the coordinator has marked it
                // gone. Past this many restarts in all the Job fails and its running pods are stopped.
                ["backoffLimit"] = PartyRestartsPerNode * plan.PartyNodes,
                ["template"] = new Map
                {
                    ["metadata"] = new Map { ["labels"] = labels },
                    ["spec"] = KubernetesPods.PodSpec("OnFailure", container, datasets.Volumes),
                },
            },
        };
    }

    /// <summary>A pod that only mounts the results claim (read-only), to copy the run folder out with <c>kubectl cp</c>.</summary>
    public static Map ResultsReader(DeploymentPlan plan, Options options) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = Metadata(ReaderName, Labels(plan, "results-reader"), options),
        ["spec"] = KubernetesPods.PodSpec("Never", new Map
        {
            ["name"] = "reader",
            ["image"] = plan.Image,
            ["imagePullPolicy"] = "IfNotPresent",
            ["command"] = new List<object?> { "sleep", "infinity" },
            ["resources"] = new Map
            {
                ["requests"] = new Map { ["cpu"] = "10m", ["memory"] = "16Mi" },
                ["limits"] = new Map { ["cpu"] = "100m", ["memory"] = "64Mi" },
            },
            ["securityContext"] = KubernetesPods.ContainerSecurity(),
            ["volumeMounts"] = new List<object?> { KubernetesPods.Mount("results", ContainerLayout.ResultsDirectory, readOnly: true) },
        }, [new Map { ["name"] = "results", ["persistentVolumeClaim"] = new Map { ["claimName"] = ResultsClaim, ["readOnly"] = true } }]),
    };

    /// <summary>The name party nodes dial. Nothing dials a party node (probes go to the pod), so they have no Service.</summary>
    private static Map CoordinatorService(Map selector, Options options) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = Metadata(CoordinatorName, selector, options),
        ["spec"] = new Map
        {
            ["selector"] = selector,
            ["ports"] = new List<object?>
            {
                new Map { ["name"] = KubernetesPods.PortName, ["port"] = ContainerLayout.GrpcPort, ["targetPort"] = KubernetesPods.PortName, ["protocol"] = "TCP" },
            },
        },
    };

    private static Map Metadata(string name, Map labels, Options options)
    {
        var metadata = new Map { ["name"] = name };
        if (options.Namespace is { } ns) metadata["namespace"] = ns;
        metadata["labels"] = labels;
        return metadata;
    }

    private static Map Labels(DeploymentPlan plan, string component) => new()
    {
        ["app.kubernetes.io/name"] = "fedsim",
        ["app.kubernetes.io/instance"] = LabelValue(plan.Scenario.Name),
        ["app.kubernetes.io/component"] = component,
    };

    /// <summary>A label value: at most 63 of <c>[A-Za-z0-9._-]</c>, starting and ending alphanumeric.</summary>
    internal static string LabelValue(string text)
    {
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray();
        var value = new string(chars).Trim('-', '_', '.');
        if (value.Length > 63) value = value[..63].TrimEnd('-', '_', '.');
        return value.Length == 0 ? "fedsim" : value;
    }
}
