using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using FedSim.Cli.Export;
using FedSim.Coordinator;

namespace FedSim.Cli.Commands;

/// <summary>
/// <c>fedsim export compose|k8s SCENARIO</c>: validates a scenario and writes ready-to-use container files sized for
/// it: <c>deployment.party_processes</c> party nodes, each training at most <c>deployment.workers</c> parties at once
/// (default one) with one libtorch thread, i.e. one CPU, per worker.
/// </summary>
internal static partial class ExportCommand
{
    public const string DefaultImage = "fedsim";

    public static CommandDefinition Define()
    {
        var command = new Command("export", "write docker compose files or Kubernetes manifests sized for a scenario")
        {
            Kind("compose", "write compose.yaml and the resolved scenario.yaml for docker compose", k8s: false),
            Kind("k8s", "write Kubernetes manifests: fedsim.yaml and results-reader.yaml", k8s: true),
        };
        return new CommandDefinition(command, """
            Notes:
              The files run deployment.party_processes party nodes, each training deployment.workers parties at once
              (0: one) with one libtorch thread, so one CPU, per worker. The dataset is mounted read-only from PATH on
              the host (default: dataset.path, else /usr/share/datasets/NAME) or, for k8s, from a volume claim.
            """);
    }

    private static Command Kind(string kind, string description, bool k8s)
    {
        var input = new ScenarioInput();
        var outDir = CliSymbols.Out("DIR", $"where to write the files (default: deploy/NAME-{kind})");
        var image = new Option<string>("--image") { HelpName = "IMAGE", Description = "the fedsim container image", DefaultValueFactory = _ => DefaultImage };
        image.Validators.Add(r => Check(r, ValidImage, "is not an image name (e.g. fedsim or registry.example.org/fedsim:1.0)"));
        var dataset = new Option<string>("--dataset") { HelpName = "PATH", Description = "the dataset on the host, mounted read-only (default: dataset.path, else /usr/share/datasets/NAME)" };
        var command = new Command(kind, description) { input.File, outDir, image, dataset, input.Set };
        Option<string>? ns = null, claim = null;
        if (k8s)
        {
            ns = new Option<string>("--namespace") { HelpName = "NS", Description = "the Kubernetes namespace of every object (default: the current one)" };
            ns.Validators.Add(r => Check(r, v => v.Length <= 63 && DnsLabel().IsMatch(v), "is not a Kubernetes name (lower-case letters, digits and '-', at most 63)"));
            claim = new Option<string>("--dataset-claim") { HelpName = "CLAIM", Description = "a volume claim holding the dataset, instead of a host path" };
            claim.Validators.Add(r => Check(r, v => v.Length <= 253 && DnsSubdomain().IsMatch(v), "is not a Kubernetes name (lower-case letters, digits, '-' and '.')"));
            claim.Validators.Add(r =>
            {
                if (r.GetResult(dataset) is not null) r.AddError("--dataset (a host path) and --dataset-claim (a volume claim) exclude each other");
            });
            command.Options.Add(ns);
            command.Options.Add(claim);
        }
        command.SetAction(p =>
        {
            var options = k8s ? new KubernetesExport.Options(p.GetValue(ns!), p.GetValue(claim!)) : null;
            return Write(kind, input.Path(p), input.Load(p), p.GetValue(outDir), p.GetRequiredValue(image), p.GetValue(dataset), options,
                p.InvocationConfiguration.Output);
        });
        return command;
    }

    private static void Check(OptionResult r, Func<string, bool> valid, string problem)
    {
        var value = r.GetValueOrDefault<string>();
        if (!valid(value)) r.AddError($"{r.Option.Name}: '{value}' {problem}");
    }

    private static bool ValidImage(string image) => image.Length > 0 && !image.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    private static int Write(string kind, string path, Core.Scenarios.Scenario scenario, string? outDir, string image, string? dataset,
                             KubernetesExport.Options? k8s, TextWriter stdout)
    {
        var plan = DeploymentPlan.Create(scenario, path, image, dataset);
        var files = k8s is null ? ComposeExport.Files(plan) : KubernetesExport.Files(plan, k8s);
        var dir = Path.GetFullPath(outDir ?? Path.Combine("deploy", $"{KubernetesExport.LabelValue(scenario.Name)}-{kind}"));
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

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")]
    private static partial Regex DnsSubdomain();
}
