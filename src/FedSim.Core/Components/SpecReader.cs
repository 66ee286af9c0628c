using System.Reflection;

namespace FedSim.Core.Components;

/// <summary>
/// Reads a record type's settings from its attributes: <see cref="OptionAttribute"/> values, <see cref="SectionAttribute"/>
/// nested records and <see cref="ChoiceAttribute"/> component choices, in declaration order, with the defaults of a new instance.
/// </summary>
internal static class SpecReader
{
    public static SectionSpec Section(Type recordType, string key, string help)
    {
        var defaults = Activator.CreateInstance(recordType)
            ?? throw new InvalidOperationException($"{recordType.Name} needs a parameterless constructor");
        var children = new List<SettingSpec>();
        foreach (var p in recordType.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (p.GetCustomAttribute<OptionAttribute>() is { } option) children.Add(Option(p, option, p.GetValue(defaults)));
            else if (p.GetCustomAttribute<SectionAttribute>() is { } section)
                children.Add(Section(p.PropertyType, section.Key ?? OptionNames.Snake(p.Name), section.Help) with { Property = p });
            else if (p.GetCustomAttribute<ChoiceAttribute>() is { } choice) children.Add(Choice(p, choice, p.GetValue(defaults)));
            else continue;
            if (p.SetMethod is null) throw new InvalidOperationException($"{recordType.Name}.{p.Name} needs an init or set accessor");
        }
        var duplicate = children.GroupBy(c => c.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"{recordType.Name}: key '{duplicate.Key}' is declared twice");
        return new SectionSpec(key, help, recordType, children);
    }

    private static ChoiceSpec Choice(PropertyInfo p, ChoiceAttribute a, object? defaultValue)
    {
        if (p.PropertyType != typeof(ComponentChoice))
            throw new InvalidOperationException($"{p.DeclaringType!.Name}.{p.Name}: a [Choice] property must be a {nameof(ComponentChoice)}");
        var name = (defaultValue as ComponentChoice)?.Name ?? a.Default
            ?? throw new InvalidOperationException($"{p.DeclaringType!.Name}.{p.Name}: a [Choice] needs a default component");
        return new ChoiceSpec(a.Key ?? OptionNames.Snake(p.Name), a.Help, a.Kind, a.Layout, a.Selector, name) { Property = p, NumberShorthand = a.NumberShorthand };
    }

    private static OptionSpec Option(PropertyInfo p, OptionAttribute a, object? defaultValue)
    {
        var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
        var nullable = Nullable.GetUnderlyingType(p.PropertyType) is not null
            || (!p.PropertyType.IsValueType && new NullabilityInfoContext().Create(p).WriteState == NullabilityState.Nullable);
        var kind = type == typeof(string) ? (a.Choices is null ? OptionKind.String : OptionKind.Choice)
            : type == typeof(int) ? OptionKind.Integer
            : type == typeof(double) ? OptionKind.Number
            : type == typeof(bool) ? OptionKind.Boolean
            : type == typeof(NumberList) ? OptionKind.NumberList
            : type.IsEnum ? OptionKind.Choice
            : throw new InvalidOperationException($"{p.DeclaringType!.Name}.{p.Name}: options of type {type.Name} are not supported");
        return new OptionSpec(a.Key ?? OptionNames.Snake(p.Name), kind, defaultValue, a.Help)
        {
            Property = p,
            Choices = type.IsEnum ? OptionNames.EnumNames(type) : a.Choices,
            EnumType = type.IsEnum ? type : null,
            Min = double.IsNaN(a.Min) ? null : a.Min,
            Max = double.IsNaN(a.Max) ? null : a.Max,
            MinExclusive = a.MinExclusive,
            MaxExclusive = a.MaxExclusive,
            Optional = nullable,
        };
    }
}
