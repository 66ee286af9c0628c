using FedSim.Core.Scenarios;

namespace FedSim.Data;

/// <summary>
/// Reads LIBSVM / svmlight text: one sample a line, <c>label index:value index:value ...</c> with 1-based feature
/// indices; absent features are 0. Text after <c>#</c> is a comment, blank lines are skipped and <c>qid:</c> tokens are
/// ignored. The feature count is the largest index in the train and test files; the distinct label values (numbers,
/// e.g. -1/+1 or 1..K) become classes 0..K-1 in ascending numeric order. Test set: dataset.test_path when given, else a
/// seeded dataset.test_fraction of the lines (see <see cref="HoldOut"/>).
/// </summary>
internal static class LibSvmReader
{
    private sealed record Sample(double Label, int[] Indices, float[] Values);

    private sealed record Parsed(string Path, List<Sample> Samples, int MaxIndex, int MaxIndexLine);

    public static DatasetPair Load(string name, DatasetSection section, int seed)
    {
        if (string.IsNullOrEmpty(section.Path))
            throw new ArgumentException("dataset.path: the libsvm dataset needs the path of its data file");
        var train = ReadFile(section.Path);
        var test = string.IsNullOrEmpty(section.TestPath) ? null : ReadFile(section.TestPath);
        var files = test is null ? new[] { train } : [train, test];

        var widest = files.MaxBy(f => f.MaxIndex)!;
        var featureCount = widest.MaxIndex;
        if (featureCount == 0)
            throw new InvalidDataException($"{train.Path}: no features: no line holds an index:value pair");
        var labelIds = files.SelectMany(f => f.Samples.Select(s => s.Label)).Distinct().Order()
            .Select((label, i) => (label, i)).ToDictionary(x => x.label, x => x.i);

        TabularDataset Build(string split, Parsed file)
        {
            if ((long)file.Samples.Count * featureCount > Array.MaxLength)
                throw new InvalidDataException(
                    $"{widest.Path}:{widest.MaxIndexLine}: index {featureCount} makes {file.Samples.Count} dense rows too large to hold in memory");
            var features = new float[file.Samples.Count * featureCount];
            var labels = new int[file.Samples.Count];
            for (var i = 0; i < labels.Length; i++)
            {
                var s = file.Samples[i];
                labels[i] = labelIds[s.Label];
                for (var k = 0; k < s.Indices.Length; k++) features[i * featureCount + s.Indices[k] - 1] = s.Values[k];
            }
            return new TabularDataset(name + "/" + split, features, featureCount, labels, labelIds.Count);
        }

        if (test is not null) return new DatasetPair(Build("train", train), Build("test", test));
        var all = Build("all", train);
        var (trainIdx, testIdx) = HoldOut.Split(all.Count, section.TestFraction, seed, train.Path);
        return new DatasetPair(all.Select(name + "/train", trainIdx), all.Select(name + "/test", testIdx));
    }

    private static Parsed ReadFile(string path)
    {
        if (!File.Exists(path)) throw new DatasetNotFoundException($"{path}: LIBSVM file not found");
        var lines = DataFile.ReadAllLines(path);
        var samples = new List<Sample>();
        int maxIndex = 0, maxIndexLine = 0;
        var indices = new List<int>();
        var values = new List<float>();
        var seen = new HashSet<int>();
        for (var n = 0; n < lines.Length; n++)
        {
            var line = n + 1;
            var text = lines[n];
            var hash = text.IndexOf('#');
            if (hash >= 0) text = text[..hash];
            var tokens = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0) continue;

            if (!double.TryParse(tokens[0], System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture, out var label) || !double.IsFinite(label))
                throw new InvalidDataException($"{path}:{line}: label {TextValues.Quote(tokens[0])} is not a finite number");

            indices.Clear();
            values.Clear();
            seen.Clear();
            foreach (var token in tokens.AsSpan(1))
            {
                if (token.StartsWith("qid:", StringComparison.Ordinal)) continue;
                var colon = token.IndexOf(':');
                if (colon < 0)
                    throw new InvalidDataException($"{path}:{line}: token {TextValues.Quote(token)} is not index:value");
                var indexText = token[..colon];
                var valueText = token[(colon + 1)..];
                if (!TextValues.TryParseInt(indexText, out var index) || index < 1)
                    throw new InvalidDataException(
                        $"{path}:{line}: token {TextValues.Quote(token)}: index {TextValues.Quote(indexText)} is not an integer >= 1");
                if (!TextValues.TryParseFloat(valueText, out var value))
                    throw new InvalidDataException(
                        $"{path}:{line}: token {TextValues.Quote(token)}: value {TextValues.Quote(valueText)} is not a finite number");
                if (!seen.Add(index))
                    throw new InvalidDataException($"{path}:{line}: token {TextValues.Quote(token)}: index {index} appears twice");
                indices.Add(index);
                values.Add(value);
                if (index > maxIndex) (maxIndex, maxIndexLine) = (index, line);
            }
            samples.Add(new Sample(label, indices.ToArray(), values.ToArray()));
        }
        if (samples.Count == 0) throw new InvalidDataException($"{path}: empty file, no samples");
        return new Parsed(path, samples, maxIndex, maxIndexLine);
    }
}
