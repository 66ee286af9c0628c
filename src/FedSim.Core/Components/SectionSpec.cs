namespace FedSim.Core.Components;

/// <summary>A mapping of settings read into one record type (a scenario section, or a component's options).</summary>
public sealed record SectionSpec(string Key, string Help, Type RecordType, IReadOnlyList<SettingSpec> Children) : SettingSpec(Key, Help)
{
    public SettingSpec? Find(string key) => Children.FirstOrDefault(c => c.Key == key);

    /// <summary>The keys that may appear in this mapping, in order.</summary>
    public IEnumerable<string> Keys => Children.Select(c => c.Key);

    /// <summary>A record with every default.</summary>
    public object CreateDefault() => Activator.CreateInstance(RecordType)
        ?? throw new InvalidOperationException($"{RecordType.Name} has no parameterless constructor");
}
