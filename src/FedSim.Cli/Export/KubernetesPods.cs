using System.Globalization;
using Map = System.Collections.Generic.Dictionary<string, object?>;

namespace FedSim.Cli.Export;

/// <summary>
/// The pod-level parts of the Kubernetes manifests (<see cref="KubernetesExport"/>): pod and container specs, gRPC
/// probes, resources, volumes and mounts. Both kinds of pod run as the image's non-root user without privileges.
/// </summary>
internal static class KubernetesPods
{
    /// <summary>The name of the gRPC port, on the containers and on the coordinator's Service.</summary>
    public const string PortName = "grpc";

    public static (List<object?> Volumes, List<object?> Mounts) DatasetVolumes(DeploymentPlan plan, KubernetesExport.Options options)
    {
        if (plan.Datasets.Count == 0) return ([], []);
        if (options.DatasetClaim is { } claim)
            return ([new Map { ["name"] = "dataset", ["persistentVolumeClaim"] = new Map { ["claimName"] = claim, ["readOnly"] = true } }],
                [Mount("dataset", plan.DatasetDirectory, readOnly: true)]);
        var volumes = new List<object?>();
        var mounts = new List<object?>();
        for (var i = 0; i < plan.Datasets.Count; i++)
        {
            var d = plan.Datasets[i];
            var name = i == 0 ? "dataset" : $"dataset-{i}";
            volumes.Add(new Map
            {
                ["name"] = name,
                ["hostPath"] = new Map { ["path"] = d.Source, ["type"] = d.IsFile ? "File" : "Directory" },
            });
            mounts.Add(Mount(name, d.Target, readOnly: true));
        }
        return (volumes, mounts);
    }

    /// <summary>
    /// A coordinator or party container: the FedSim image on the gRPC port, probed with grpc.health.v1: the server
    /// ("") for startup and liveness, <paramref name="readinessService"/> (a party node: registered) for readiness.
    /// </summary>
    public static Map FedSimContainer(string name, string image, IReadOnlyList<string> args, string? readinessService,
        Map resources, List<object?> mounts, List<object?>? env = null)
    {
        var container = new Map
        {
            ["name"] = name,
            ["image"] = image,
            ["imagePullPolicy"] = "IfNotPresent",
            ["args"] = args.ToList(),
        };
        if (env is not null) container["env"] = env;
        container["ports"] = new List<object?>
        {
            new Map { ["name"] = PortName, ["containerPort"] = ContainerLayout.GrpcPort, ["protocol"] = "TCP" },
        };
        // Startup: up to 5 minutes to load the dataset before the first answer; then readiness and liveness.
        container["startupProbe"] = Probe(periodSeconds: 5, failureThreshold: 60);
        container["readinessProbe"] = Probe(periodSeconds: 10, failureThreshold: 3, readinessService);
        container["livenessProbe"] = Probe(periodSeconds: 20, failureThreshold: 6);
        container["resources"] = resources;
        container["securityContext"] = ContainerSecurity();
        container["volumeMounts"] = mounts;
        return container;
    }

    /// <summary>
    /// <see cref="KubernetesExport.CompletionIndexVariable"/> from the pod's index annotation. The Job controller adds the same
    /// variable to every container it starts, so <c>$(JOB_COMPLETION_INDEX)</c> in <c>args</c> would expand without
    /// this; declaring it keeps the expansion visible in the manifest and independent of that (the controller leaves
    /// a declared variable as it is).
    /// </summary>
    public static Map CompletionIndexEnv() => new()
    {
        ["name"] = KubernetesExport.CompletionIndexVariable,
        ["valueFrom"] = new Map
        {
            ["fieldRef"] = new Map { ["fieldPath"] = $"metadata.annotations['{KubernetesExport.CompletionIndexAnnotation}']" },
        },
    };

    public static Map PodSpec(string restartPolicy, Map container, List<object?> volumes) => new()
    {
        ["restartPolicy"] = restartPolicy,
        // No *_SERVICE_HOST variables for every service in the namespace; nodes find the coordinator by DNS.
        ["enableServiceLinks"] = false,
        ["terminationGracePeriodSeconds"] = 30,
        ["securityContext"] = new Map
        {
            ["runAsNonRoot"] = true,
            ["runAsUser"] = ContainerLayout.AppUid,
            ["runAsGroup"] = ContainerLayout.AppUid,
            // Makes the results volume writable for that user.
            ["fsGroup"] = ContainerLayout.AppUid,
            ["seccompProfile"] = new Map { ["type"] = "RuntimeDefault" },
        },
        ["containers"] = new List<object?> { container },
        ["volumes"] = volumes,
    };

    public static Map ContainerSecurity() => new()
    {
        ["allowPrivilegeEscalation"] = false,
        ["capabilities"] = new Map { ["drop"] = new List<object?> { "ALL" } },
    };

    /// <summary>Kubernetes' native gRPC probe: grpc.health.v1 Check on the pod's port.</summary>
    public static Map Probe(int periodSeconds, int failureThreshold, string? service = null)
    {
        var grpc = new Map { ["port"] = ContainerLayout.GrpcPort };
        if (service is not null) grpc["service"] = service;
        return new Map
        {
            ["grpc"] = grpc,
            ["periodSeconds"] = periodSeconds,
            ["timeoutSeconds"] = 5,
            ["failureThreshold"] = failureThreshold,
        };
    }

    public static Map Resources(int cpus, int memoryRequestMiB, int memoryLimitMiB)
    {
        var cpu = cpus.ToString(CultureInfo.InvariantCulture);
        return new Map
        {
            ["requests"] = new Map { ["cpu"] = cpu, ["memory"] = $"{memoryRequestMiB}Mi" },
            ["limits"] = new Map { ["cpu"] = cpu, ["memory"] = $"{memoryLimitMiB}Mi" },
        };
    }

    public static Map Mount(string volume, string path, bool readOnly) =>
        new() { ["name"] = volume, ["mountPath"] = path, ["readOnly"] = readOnly };
}
