using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;
using FedSim.Cli.Commands;

namespace FedSim.Cli.Tests;

/// <summary>README.md's "## Commands" block and the command definitions must say the same.</summary>
public sealed partial class ReadmeCommandsTests
{
    private static readonly RootCommand Root = CliCommands.Root();

    /// <summary>The fenced block under "## Commands", with wrapped lines joined to the line they continue.</summary>
    private static string Block()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")).ReplaceLineEndings("\n");
        var section = readme.IndexOf("\n## Commands\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no '## Commands' section");
        var open = readme.IndexOf("```\n", section, StringComparison.Ordinal) + 4;
        return readme[open..readme.IndexOf("```\n", open, StringComparison.Ordinal)];
    }

    private static Dictionary<string, string> LinesByCommand(string block)
    {
        var lines = new List<string>();
        foreach (var line in block.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (char.IsWhiteSpace(line[0]) && lines.Count > 0) lines[^1] += " " + line.Trim();
            else lines.Add(line.Trim());
        }
        var result = new Dictionary<string, string>();
        foreach (var line in lines)
        {
            var words = line.Split(' ');
            Assert.Equal(CliCommands.Name, words[0]);
            Command command = Root;
            var path = CliCommands.Name;
            foreach (var word in words.Skip(1).TakeWhile(w => !w.StartsWith('-') && !w.StartsWith('[')))
            {
                if (command.Subcommands.Count == 0) break;
                command = command.Subcommands.FirstOrDefault(c => c.Name == word)
                          ?? throw new Xunit.Sdk.XunitException($"README.md names '{path} {word}', which is not a command: {line}");
                path += " " + word;
            }
            Assert.True(command.Action is not null, $"README.md's line '{line}' names no runnable command");
            result[path] = line;
        }
        return result;
    }

    [Fact]
    public void Every_command_and_every_option_is_in_the_readme_and_the_readme_names_nothing_else()
    {
        var lines = LinesByCommand(Block());
        var runnable = Synopsis.Runnable(Root, CliCommands.Name).ToList();
        Assert.Equal(runnable.Select(r => r.Path).Order(), lines.Keys.Order());
        foreach (var (path, command) in runnable)
        {
            var line = lines[path];
            var options = command.Options.Where(o => o is not HelpOption).Select(o => o.Name).ToHashSet();
            var named = OptionWord().Matches(line).Select(m => m.Value).ToHashSet();
            Assert.True(options.SetEquals(named), $"{path}: the definitions have {string.Join(' ', options.Order())}, README.md has {string.Join(' ', named.Order())}");
            foreach (var argument in command.Arguments)
                Assert.Matches($@"(^|[ \[]){Regex.Escape(argument.Name)}\b|\[{Regex.Escape(string.Join('|', argument.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty).Select(c => c.Label)))}\]", line);
        }
    }

    [Fact]
    public void The_readme_block_is_the_synopsis_made_from_the_definitions()
    {
        var expected = Synopsis.Render(Root);
        var actual = Block();
        Assert.True(expected == actual, $"README.md's '## Commands' block differs from the definitions; it should be:\n{expected}");
    }

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex OptionWord();
}
