using System.Globalization;

namespace FedSim.Data;

/// <summary>Culture-independent parsing of the numbers in text data files.</summary>
internal static class TextValues
{
    /// <summary>A finite float (NaN, infinities and values beyond the float range are refused).</summary>
    public static bool TryParseFloat(string text, out float value)
    {
        value = 0;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return false;
        value = (float)d;
        return float.IsFinite(value);
    }

    public static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    public static bool TryParseInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
            CultureInfo.InvariantCulture, out value);

    /// <summary>Text for an error message: quoted, and shortened when long.</summary>
    public static string Quote(string text) => "'" + (text.Length > 40 ? text[..40] + "..." : text) + "'";
}
