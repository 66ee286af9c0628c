namespace FedSim.Core.Scenarios;

/// <summary>A scenario value as written, before it is checked: where it came from (file and line, or --set).</summary>
internal abstract record RawNode(string Source, int? Line);

/// <summary>A single value; null text is a plain null (<c>~</c>, <c>null</c> or nothing).</summary>
internal sealed record RawScalar(string? Text, string Source, int? Line) : RawNode(Source, Line);

/// <summary>A list, items in file order.</summary>
internal sealed record RawList(IReadOnlyList<RawNode> Items, string Source, int? Line) : RawNode(Source, Line);

/// <summary>Anything else that is neither a value, a list nor a mapping.</summary>
internal sealed record RawOther(string What, string Source, int? Line) : RawNode(Source, Line);

/// <summary>A mapping, keys in file order.</summary>
internal sealed record RawMap(string Source, int? Line) : RawNode(Source, Line)
{
    public List<RawEntry> Entries { get; } = [];

    public RawEntry? Get(string key) => Entries.FirstOrDefault(e => e.Key == key);

    public void Set(string key, RawNode value, int? keyLine)
    {
        var i = Entries.FindIndex(e => e.Key == key);
        var entry = new RawEntry(key, keyLine, value);
        if (i >= 0) Entries[i] = entry;
        else Entries.Add(entry);
    }

    public bool Remove(string key) => Entries.RemoveAll(e => e.Key == key) > 0;

    /// <summary>The node at a dotted path, or null.</summary>
    public RawNode? Find(string path)
    {
        RawNode? node = this;
        foreach (var part in path.Split('.'))
            node = node is RawMap map ? map.Get(part)?.Value : null;
        return node;
    }
}

/// <summary>One key of a mapping with the line the key is on.</summary>
internal sealed record RawEntry(string Key, int? KeyLine, RawNode Value);
