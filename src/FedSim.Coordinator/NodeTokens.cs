using System.Security.Cryptography;
using System.Text;

namespace FedSim.Coordinator;

/// <summary>
/// Who may register (<c>fedsim coordinator --tokens FILE</c>): one line per node, <c>NODE_NAME TOKEN</c>; blank lines and
/// lines starting with <c>#</c> are skipped. Tokens are compared in constant time and never logged or written anywhere.
/// </summary>
public sealed class NodeTokens
{
    /// <summary>The shortest token accepted: shorter ones are guessable.</summary>
    public const int MinTokenLength = 16;

    private readonly Dictionary<string, byte[]> _hashes;

    private NodeTokens(Dictionary<string, byte[]> hashes) => _hashes = hashes;

    public int Count => _hashes.Count;

    /// <summary>Reads a token file's text; <see cref="FormatException"/> names <paramref name="source"/> and the line.</summary>
    public static NodeTokens Parse(string text, string source)
    {
        var hashes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2) throw new FormatException($"{source}:{i + 1}: expected 'NODE_NAME TOKEN', found {fields.Length} fields");
            if (fields[1].Length < MinTokenLength)
                throw new FormatException($"{source}:{i + 1}: the token of node '{fields[0]}' has {fields[1].Length} characters; at least {MinTokenLength}");
            if (!hashes.TryAdd(fields[0], Hash(fields[1]))) throw new FormatException($"{source}:{i + 1}: node '{fields[0]}' is listed twice");
        }
        return hashes.Count > 0 ? new NodeTokens(hashes) : throw new FormatException($"{source}: no 'NODE_NAME TOKEN' line");
    }

    /// <summary>Whether <paramref name="name"/> is listed with <paramref name="token"/> (fixed-length hashes compared in constant time).</summary>
    public bool Verify(string name, string token)
    {
        var given = Hash(token);
        // One lookup; an unknown name still costs a comparison, so timing does not tell names apart.
        var listed = _hashes.TryGetValue(name, out var expected);
        return CryptographicOperations.FixedTimeEquals(expected ?? new byte[given.Length], given) & listed;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
