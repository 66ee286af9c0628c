namespace FedSim.Core.Components;

/// <summary>The typed base of every kind's component base: the options record and a typed check.</summary>
public abstract class Component<TOptions> : IComponent
    where TOptions : class, new()
{
    public abstract ComponentKind Kind { get; }

    public Type OptionsType => typeof(TOptions);

    IEnumerable<(string Key, string Message)> IComponent.Check(object options) => Check(Typed(options));

    /// <summary>Cross-option checks of a whole record; none by default.</summary>
    protected virtual IEnumerable<(string Key, string Message)> Check(TOptions options) => [];

    /// <summary>The options as their record (the defaults for null).</summary>
    protected static TOptions Typed(object? options) => options switch
    {
        null => new TOptions(),
        TOptions typed => typed,
        _ => throw new ArgumentException($"expected {typeof(TOptions).Name} options, got {options.GetType().Name}", nameof(options)),
    };
}
