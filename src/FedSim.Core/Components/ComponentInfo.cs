namespace FedSim.Core.Components;

/// <summary>A registered component: its name, summary, options and the instance that implements it.</summary>
public sealed record ComponentInfo(ComponentKind Kind, string Name, string Summary, string? Reference, SectionSpec Options, IComponent Implementation)
{
    /// <summary>The implementation as its kind's base type.</summary>
    public T As<T>()
        where T : class =>
        Implementation as T ?? throw new InvalidOperationException($"{Kind} '{Name}' ({Implementation.GetType().Name}) is not a {typeof(T).Name}");
}
