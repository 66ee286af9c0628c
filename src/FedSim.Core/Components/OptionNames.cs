using System.Text;

namespace FedSim.Core.Components;

/// <summary>How property and enum names become scenario keys and values.</summary>
internal static class OptionNames
{
    /// <summary><c>ClassesPerParty</c> becomes <c>classes_per_party</c>.</summary>
    public static string Snake(string name) => Join(name, '_');

    /// <summary><c>PerChannel</c> becomes <c>per-channel</c>.</summary>
    public static string Kebab(string name) => Join(name, '-');

    public static IReadOnlyList<string> EnumNames(Type enumType) => Enum.GetNames(enumType).Select(Kebab).ToArray();

    public static object EnumValue(Type enumType, string kebab) =>
        Enum.GetValues(enumType).Cast<object>().First(v => Kebab(v.ToString()!) == kebab);

    private static string Join(string name, char separator)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                sb.Append(separator);
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
