namespace FedSim.Core.Components;

/// <summary>The plural names <c>fedsim list</c> uses for each kind (<c>fedsim list algorithms</c>).</summary>
public static class ComponentKinds
{
    public static IReadOnlyList<ComponentKind> All { get; } = Enum.GetValues<ComponentKind>();

    public static string Plural(ComponentKind kind) => kind switch
    {
        ComponentKind.Algorithm => "algorithms",
        ComponentKind.Partitioner => "partitions",
        ComponentKind.Dataset => "datasets",
        ComponentKind.Model => "models",
        ComponentKind.Codec => "codecs",
        ComponentKind.Distribution => "distributions",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind a plural (or singular) name means, or null.</summary>
    public static ComponentKind? Parse(string text) =>
        All.Cast<ComponentKind?>().FirstOrDefault(k => Plural(k!.Value) == text || Plural(k.Value).TrimEnd('s') == text);
}
