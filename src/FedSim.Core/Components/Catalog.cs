using System.Reflection;

namespace FedSim.Core.Components;

/// <summary>
/// Every registered component, one <see cref="Registry"/> per kind. Built by scanning assemblies for classes with a
/// <see cref="ComponentAttribute"/>; the scenario schema, its validation and writing, <c>fedsim list</c> and the JSON
/// Schema all derive from it.
/// </summary>
public sealed class Catalog
{
    private readonly Dictionary<ComponentKind, Registry> _registries;
    private readonly Lazy<Scenarios.ScenarioSchema> _schema;

    public Catalog(IEnumerable<ComponentInfo> components)
    {
        var list = components.ToList();
        _registries = ComponentKinds.All.ToDictionary(k => k, k => new Registry(k, list.Where(c => c.Kind == k)));
        _schema = new Lazy<Scenarios.ScenarioSchema>(() => new Scenarios.ScenarioSchema(this));
    }

    public Registry this[ComponentKind kind] => _registries[kind];

    public Registry Algorithms => this[ComponentKind.Algorithm];
    public Registry Partitioners => this[ComponentKind.Partitioner];
    public Registry Datasets => this[ComponentKind.Dataset];
    public Registry Models => this[ComponentKind.Model];
    public Registry Codecs => this[ComponentKind.Codec];
    public Registry Distributions => this[ComponentKind.Distribution];

    /// <summary>The scenario file schema derived from these components.</summary>
    public Scenarios.ScenarioSchema Scenario => _schema.Value;

    /// <summary>The components declared in <paramref name="assemblies"/>.</summary>
    public static Catalog Scan(params Assembly[] assemblies) => new(assemblies.Distinct().SelectMany(Components));

    /// <summary>The components one assembly declares.</summary>
    public static IEnumerable<ComponentInfo> Components(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.GetCustomAttribute<ComponentAttribute>(inherit: false) is not { } attribute) continue;
            if (type.IsAbstract || !typeof(IComponent).IsAssignableFrom(type))
                throw new InvalidOperationException($"{type.FullName} has [Component] but is not a concrete component class");
            var instance = (IComponent)(Activator.CreateInstance(type, nonPublic: true)
                ?? throw new InvalidOperationException($"{type.FullName} needs a parameterless constructor"));
            var options = SpecReader.Section(instance.OptionsType, attribute.Name, attribute.Summary);
            yield return new ComponentInfo(instance.Kind, attribute.Name, attribute.Summary, attribute.Reference, options, instance);
        }
    }
}
