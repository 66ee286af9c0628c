using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace FedSim.Cli.Commands;

/// <summary>The arguments and options several commands share, and parsers that check a value where it is read.</summary>
internal static class CliSymbols
{
    public static Argument<string> Scenario() => FileArgument("SCENARIO", "the scenario file (YAML)");

    /// <summary>A file path argument; a word like an option (<c>--ot</c>) is an unknown option, not a file name.</summary>
    public static Argument<string> FileArgument(string name, string description)
    {
        var argument = new Argument<string>(name) { Description = description };
        RejectOptions(argument);
        return argument;
    }

    /// <summary>System.CommandLine gives a positional argument any word it cannot match, <c>--ot</c> too; say what it is.</summary>
    public static void RejectOptions(Argument argument) => argument.Validators.Add(r =>
    {
        if (r.Tokens is [var token] && LooksLikeOption(token.Value)) r.AddError($"unknown option '{token.Value}'");
    });

    public static bool LooksLikeOption(string token) => token.Length > 1 && token[0] == '-';

    /// <summary>Repeatable <c>--set key.path=value</c>: one override per occurrence, applied after the file.</summary>
    public static Option<string[]> Set() => new("--set")
    {
        Description = "override one scenario key, e.g. --set training.lr=0.05; repeat it for more keys",
        HelpName = "key.path=value",
    };

    public static Option<string> Out(string helpName, string description) => new("--out") { HelpName = helpName, Description = description };

    /// <summary>An integer option of at least <paramref name="min"/>; absent, it reads as null.</summary>
    public static Option<int?> Integer(string name, string helpName, int min, string description) => new(name)
    {
        HelpName = helpName,
        Description = description,
        CustomParser = r => ParseInteger(r, name, min),
    };

    /// <summary>An <c>http://HOST:PORT</c> option; with <paramref name="wildcard"/>, <c>http://*:PORT</c> means every address.</summary>
    public static Option<Uri> HttpAddress(string name, string description, bool wildcard) => new(name)
    {
        HelpName = "URL",
        Description = description,
        CustomParser = r => ParseHttpAddress(r, name, wildcard),
    };

    private static int? ParseInteger(ArgumentResult r, string name, int min)
    {
        var text = r.Tokens[0].Value;
        if (int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= min) return value;
        r.AddError($"{name}: expected an integer >= {min}, got '{text}'");
        return null;
    }

    private static Uri? ParseHttpAddress(ArgumentResult r, string name, bool wildcard)
    {
        var text = r.Tokens[0].Value;
        var url = wildcard ? text.Replace("://*", "://0.0.0.0") : text;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == "http") return uri;
        r.AddError($"{name}: '{text}' is not an http://HOST:PORT address");
        return null;
    }
}
