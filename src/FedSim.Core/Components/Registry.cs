namespace FedSim.Core.Components;

/// <summary>The registered components of one kind, by name, in name order.</summary>
public sealed class Registry
{
    private readonly Dictionary<string, ComponentInfo> _byName;

    public Registry(ComponentKind kind, IEnumerable<ComponentInfo> components)
    {
        Kind = kind;
        All = components.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
        _byName = new Dictionary<string, ComponentInfo>(StringComparer.Ordinal);
        foreach (var c in All)
        {
            if (c.Kind != kind) throw new ArgumentException($"{c.Name} is a {c.Kind}, not a {kind}");
            if (!_byName.TryAdd(c.Name, c)) throw new ArgumentException($"two {ComponentKinds.Plural(kind)} are named '{c.Name}'");
        }
    }

    public ComponentKind Kind { get; }

    public IReadOnlyList<ComponentInfo> All { get; }

    public IEnumerable<string> Names => All.Select(c => c.Name);

    public ComponentInfo? Find(string name) => _byName.GetValueOrDefault(name);

    public ComponentInfo Get(string name) => Find(name)
        ?? throw new ArgumentException($"unknown {ComponentKinds.Plural(Kind).TrimEnd('s')} '{name}' (known: {string.Join(", ", Names)})");
}
