namespace FedSim.Core.Components;

/// <summary>
/// A chosen component and its options record (null means the record's defaults). A loaded scenario's choices also
/// carry the registered component they name (<see cref="Component"/>), so code holding a scenario needs no catalog;
/// equality compares the name and the options only.
/// </summary>
public sealed record ComponentChoice(string Name, object? Options = null)
{
    /// <summary>The registered component, set when the scenario was loaded against a catalog.</summary>
    public ComponentInfo? Component { get; init; }

    /// <summary>The options as their record type; the defaults when none were given.</summary>
    public T OptionsAs<T>()
        where T : class, new() =>
        Options switch
        {
            null => new T(),
            T typed => typed,
            _ => throw new InvalidOperationException($"'{Name}' has options of type {Options.GetType().Name}, not {typeof(T).Name}"),
        };

    /// <summary>The component's implementation as its kind's interface.</summary>
    public T Resolve<T>()
        where T : class =>
        (Component ?? throw new InvalidOperationException($"'{Name}' was not resolved against a catalog: load scenarios with ScenarioSchema.Load"))
        .As<T>();

    public bool Equals(ComponentChoice? other) =>
        other is not null && Name == other.Name && Equals(Options, other.Options);

    public override int GetHashCode() => HashCode.Combine(Name, Options);

    public override string ToString() => Name;
}
