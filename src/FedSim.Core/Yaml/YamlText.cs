using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace FedSim.Core.Yaml;

/// <summary>
/// YAML for the exported files, written by YamlDotNet from plain dictionaries and lists (keys in insertion order),
/// so every value is quoted or escaped as YAML needs; multi-line strings (an embedded scenario) become literal blocks.
/// Strings that a YAML 1.1 reader would take for booleans (<c>no</c>, <c>on</c>, ...) are quoted as well; null is
/// written as <c>null</c>.
/// </summary>
public static class YamlText
{
    private static readonly HashSet<string> Yaml11Booleans = new(StringComparer.OrdinalIgnoreCase)
        { "y", "n", "yes", "no", "on", "off", "true", "false" };

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .DisableAliases()
        .WithQuotingNecessaryStrings()
        .WithEventEmitter(next => new ScalarStyles(next), where => where.OnBottom())
        .Build();

    public static string Serialize(object document) => Serializer.Serialize(document);

    /// <summary>Several documents in one stream, separated by <c>---</c>.</summary>
    public static string SerializeAll(IEnumerable<object> documents) =>
        string.Join("---\n", documents.Select(Serialize));

    private sealed class ScalarStyles(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is null)
            {
                eventInfo.RenderedValue = "null";
                eventInfo.Style = ScalarStyle.Plain;
            }
            else if (eventInfo.Source.Value is string s)
            {
                if (s.Contains('\n')) eventInfo.Style = ScalarStyle.Literal;
                else if (Yaml11Booleans.Contains(s)) eventInfo.Style = ScalarStyle.DoubleQuoted;
            }
            base.Emit(eventInfo, emitter);
        }
    }
}
