using System.Text.RegularExpressions;
using FedSim.Coordinator;

namespace FedSim.Cli.Export;

/// <summary>
/// <c>fedsim export compose|k8s SCENARIO</c>: validates a scenario and writes ready-to-use container files sized for
/// it: <c>deployment.party_processes</c> party nodes, each training at most <c>deployment.workers</c> parties at once
/// (default one) with one libtorch thread, i.e. one CPU, per worker.
/// </summary>
internal static partial class ExportCommand
{
    public const string DefaultImage = "fedsim";

    public static int Run(string[] args, TextWriter stdout)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
            throw new UsageException("missing export kind: fedsim export compose SCENARIO, or fedsim export k8s SCENARIO");
        var kind = args[0];
        var valueOptions = kind switch
        {
            "compose" => new HashSet<string> { "--out", "--image", "--set", "--dataset" },
            "k8s" => new HashSet<string> { "--out", "--image", "--set", "--dataset", "--dataset-claim", "--namespace" },
            _ => throw new UsageException($"unknown export kind '{kind}' (kinds: compose, k8s)"),
        };
        var a = ParsedArgs.Parse(args[1..], valueOptions, new HashSet<string>());
        var path = a.Single("SCENARIO file");
        var image = a.Get("--image") ?? DefaultImage;
        if (image.Length == 0 || image.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new UsageException($"--image: '{image}' is not an image name (e.g. fedsim or registry.example.org/fedsim:1.0)");
        var k8s = kind == "k8s" ? K8sOptions(a) : null;
        var scenario = ScenarioFile.Load(path, a.GetAll("--set"));
        var plan = DeploymentPlan.Create(scenario, path, image, a.Get("--dataset"));
        var files = k8s is null ? ComposeExport.Files(plan) : KubernetesExport.Files(plan, k8s);

        var dir = Path.GetFullPath(a.Get("--out") ?? Path.Combine("deploy", $"{KubernetesExport.LabelValue(scenario.Name)}-{kind}"));
        foreach (var file in files) AtomicFile.WriteAllText(Path.Combine(dir, file.Name), file.Text);

        stdout.WriteLine($"{path}: ok; {scenario.Partition.Parties} parties on {plan.PartyNodes} party nodes " +
                         $"(up to {plan.PartiesPerNode} each), {plan.WorkersPerNode} training worker(s) per node " +
                         $"with one libtorch thread each ({plan.PartyCpus} CPU per node), image '{image}'");
        if (plan.PartyNodes < scenario.Deployment.PartyProcesses)
            stdout.WriteLine($"note: deployment.party_processes is {scenario.Deployment.PartyProcesses}, but {plan.PartyNodes} nodes " +
                             $"of up to {plan.PartiesPerNode} parties host all {scenario.Partition.Parties}; a further node would get none " +
                             $"and stand by through the run, so the files have {plan.PartyNodes}");
        foreach (var file in files) stdout.WriteLine($"wrote {Path.Combine(dir, file.Name)}");
        foreach (var d in plan.Datasets)
            stdout.WriteLine(k8s?.DatasetClaim is { } claim
                ? $"dataset: volume claim '{claim}' at {plan.DatasetDirectory} (expects {Path.GetFileName(d.Target)} there)"
                : $"dataset: {d.Source} on the host{(k8s is null ? "" : " (every node)")} -> {d.Target} (read-only)");
        stdout.WriteLine(k8s is null
            ? $"start: docker compose -f {Path.Combine(dir, ComposeExport.ComposeFileName)} up   (results on the volume '{ComposeExport.ProjectName(scenario.Name)}_{ComposeExport.ResultsVolume}')"
            : $"start: kubectl apply -f {Path.Combine(dir, KubernetesExport.ManifestFileName)}   (results on the claim '{KubernetesExport.ResultsClaim}')");
        return CliApp.Ok;
    }

    private static KubernetesExport.Options K8sOptions(ParsedArgs a)
    {
        var ns = a.Get("--namespace");
        if (ns is not null && (ns.Length > 63 || !DnsLabel().IsMatch(ns)))
            throw new UsageException($"--namespace: '{ns}' is not a Kubernetes name (lower-case letters, digits and '-', at most 63)");
        var claim = a.Get("--dataset-claim");
        if (claim is not null && (claim.Length > 253 || !DnsSubdomain().IsMatch(claim)))
            throw new UsageException($"--dataset-claim: '{claim}' is not a Kubernetes name (lower-case letters, digits, '-' and '.')");
        if (claim is not null && a.Has("--dataset"))
            throw new UsageException("--dataset (a host path) and --dataset-claim (a volume claim) exclude each other");
        return new KubernetesExport.Options(ns, claim);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")]
    private static partial Regex DnsSubdomain();
}
