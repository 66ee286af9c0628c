using nietras.SeparatedValues;

namespace FedSim.Data;

/// <summary>
/// Reads a comma-separated file of numeric features and one label column (dataset.csv.label_column, -1 = last), with an
/// optional group column (dataset.csv.group_column) of writer / user ids.
/// <list type="bullet">
/// <item>Fields follow RFC 4180 (read with Sep): a field in double quotes may hold commas, line breaks and "" for a
/// quote; any other quote (one inside an unquoted field, text after a closing quote, a quote never closed) is an error
/// naming the line. Cells are trimmed, a quoted cell inside its quotes too. Blank lines are skipped; line numbers in
/// messages count every physical line from 1 (a row's first line), columns count from 1.</item>
/// <item>Header: the first row is a header when one of its cells is not a number while the cell below it is (so a
/// headerless file with string labels is still read as data). A file with a single row is a header when one of its
/// feature cells is not a number.</item>
/// <item>Labels: when every label cell of the train and test files is an integer, the integers are the class ids
/// (classes = largest + 1); otherwise the distinct label strings, sorted ordinally, become 0..K-1.</item>
/// <item>Groups: distinct group ids (integers or strings, compared as text) become 0..G-1 in first-seen order, the
/// training file first, then the test file.</item>
/// <item>Test set: dataset.test_path when given, else a seeded dataset.test_fraction of the rows (see <see cref="HoldOut"/>).</item>
/// </list>
/// </summary>
internal static class CsvDatasetReader
{
    /// <summary>Integer class ids must be below this.</summary>
    public const int MaxClasses = 65536;

    private sealed record Row(int Line, string[] Cells);

    private sealed record Table(string Path, int Columns, Row[] Rows);

    public static DatasetPair Load(string name, CsvSource section, int seed)
    {
        if (string.IsNullOrEmpty(section.Path))
            throw new ArgumentException("dataset.path: the csv dataset needs the path of its CSV file");
        var train = ReadTable(section.Path, section, expectedColumns: null, null);
        var test = string.IsNullOrEmpty(section.TestPath) ? null : ReadTable(section.TestPath, section, train.Columns, train.Path);
        var tables = test is null ? new[] { train } : [train, test];

        var labelColumn = section.LabelColumn == -1 ? train.Columns - 1 : section.LabelColumn;
        var groupColumn = section.GroupColumn;
        var featureColumns = Enumerable.Range(0, train.Columns).Where(c => c != labelColumn && c != groupColumn).ToArray();

        var integerLabels = tables.All(t => t.Rows.All(r => TextValues.TryParseInt(r.Cells[labelColumn], out _)));
        var labelIds = integerLabels ? null : LabelStrings(tables, labelColumn);
        var groupIds = groupColumn >= 0 ? new Dictionary<string, int>(StringComparer.Ordinal) : null;

        var parsed = tables.Select(t => Parse(t, featureColumns, labelColumn, labelIds, groupColumn, groupIds)).ToArray();
        var classes = labelIds?.Count ?? parsed.Max(p => p.Labels.Length == 0 ? 0 : p.Labels.Max()) + 1;

        TabularDataset Build(string split, (float[] Features, int[] Labels, int[]? Groups) p) =>
            new(name + "/" + split, p.Features, featureColumns.Length, p.Labels, classes, p.Groups);

        if (test is not null) return new DatasetPair(Build("train", parsed[0]), Build("test", parsed[1]));
        var all = Build("all", parsed[0]);
        var (trainIdx, testIdx) = HoldOut.Split(all.Count, section.TestFraction, seed, train.Path);
        return new DatasetPair(all.Select(name + "/train", trainIdx), all.Select(name + "/test", testIdx));
    }

    private static Table ReadTable(string path, CsvSource section, int? expectedColumns, string? trainPath)
    {
        if (!File.Exists(path)) throw new DatasetNotFoundException($"{path}: CSV file not found");
        var rows = ReadRows(path);
        if (rows.Count == 0) throw new InvalidDataException($"{path}: empty file, no rows");

        var columns = expectedColumns ?? rows[0].Cells.Length;
        foreach (var row in rows)
            if (row.Cells.Length != columns)
                throw new InvalidDataException(expectedColumns is null
                    ? $"{path}:{row.Line}: {row.Cells.Length} columns, expected {columns} as on line {rows[0].Line}"
                    : $"{path}:{row.Line}: {row.Cells.Length} columns, expected {columns} as in {trainPath}");

        if (section.LabelColumn < -1 || section.LabelColumn >= columns)
            throw new ArgumentException($"dataset.csv.label_column {section.LabelColumn} is outside the {columns} columns of {path}");
        var labelColumn = section.LabelColumn == -1 ? columns - 1 : section.LabelColumn;
        if (section.GroupColumn < -1 || section.GroupColumn >= columns)
            throw new ArgumentException($"dataset.csv.group_column {section.GroupColumn} is outside the {columns} columns of {path}");
        if (section.GroupColumn == labelColumn)
            throw new ArgumentException($"dataset.csv.group_column {section.GroupColumn} is also the label column of {path}");
        if (columns - 1 - (section.GroupColumn >= 0 ? 1 : 0) < 1)
            throw new InvalidDataException($"{path}: no feature columns: rows have {columns} column(s), label and group only");

        if (IsHeader(rows, c => c != labelColumn && c != section.GroupColumn))
        {
            rows.RemoveAt(0);
            if (rows.Count == 0) throw new InvalidDataException($"{path}: no data rows after the header");
        }
        return new Table(path, columns, rows.ToArray());
    }

    /// <summary>The non-blank rows, each with the line it starts on.</summary>
    private static List<Row> ReadRows(string path)
    {
        var rows = new List<Row>();
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).From(DataFile.OpenText(path));
        var nextLine = 1;
        foreach (var row in reader)
        {
            // Where the previous row ended: Sep 0.17.1 gives the first row's LineNumberFrom as its LineNumberToExcl.
            var line = nextLine;
            nextLine = row.LineNumberToExcl;
            if (row.Span.IsWhiteSpace()) continue;
            var cells = new string[row.ColCount];
            for (var c = 0; c < cells.Length; c++) cells[c] = Cell(row[c].Span, path, line, c);
            rows.Add(new Row(line, cells));
        }
        return rows;
    }

    /// <summary>The trimmed cell; a quoted one without its quotes, "" read as ", and trimmed again.</summary>
    private static string Cell(ReadOnlySpan<char> raw, string path, int line, int column)
    {
        var cell = raw.Trim();
        if (!cell.Contains('"')) return cell.ToString();
        if (QuoteProblem(cell) is { } problem)
            throw new InvalidDataException($"{path}:{line}: column {column + 1}: {problem}: {TextValues.Quote(cell.ToString())}");
        return cell[1..^1].ToString().Replace("\"\"", "\"").Trim();
    }

    /// <summary>What is wrong with the quotes of a trimmed cell holding one, or null for a well-formed quoted field.</summary>
    private static string? QuoteProblem(ReadOnlySpan<char> cell)
    {
        if (cell[0] != '"') return "a quote inside an unquoted field";
        for (var i = 1; i < cell.Length; i++)
        {
            if (cell[i] != '"') continue;
            if (i == cell.Length - 1) return null;
            if (cell[i + 1] != '"') return "text after the closing quote";
            i++;
        }
        return "a quote that is never closed";
    }

    private static bool IsHeader(List<Row> rows, Func<int, bool> isFeature)
    {
        var first = rows[0].Cells;
        if (rows.Count == 1)
            return Enumerable.Range(0, first.Length).Any(c => isFeature(c) && !TextValues.IsNumber(first[c]));
        var second = rows[1].Cells;
        return Enumerable.Range(0, first.Length).Any(c => !TextValues.IsNumber(first[c]) && TextValues.IsNumber(second[c]));
    }

    private static Dictionary<string, int> LabelStrings(Table[] tables, int labelColumn)
    {
        foreach (var t in tables)
            foreach (var r in t.Rows)
                if (r.Cells[labelColumn].Length == 0)
                    throw new InvalidDataException($"{t.Path}:{r.Line}: column {labelColumn + 1}: empty label");
        return tables.SelectMany(t => t.Rows.Select(r => r.Cells[labelColumn]))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select((label, i) => (label, i))
            .ToDictionary(x => x.label, x => x.i, StringComparer.Ordinal);
    }

    private static (float[] Features, int[] Labels, int[]? Groups) Parse(Table table, int[] featureColumns, int labelColumn,
        Dictionary<string, int>? labelIds, int groupColumn, Dictionary<string, int>? groupIds)
    {
        var width = featureColumns.Length;
        if ((long)table.Rows.Length * width > Array.MaxLength)
            throw new InvalidDataException($"{table.Path}: {table.Rows.Length} rows x {width} features are too many to hold in memory");
        var features = new float[table.Rows.Length * width];
        var labels = new int[table.Rows.Length];
        var groups = groupIds is null ? null : new int[table.Rows.Length];
        for (var i = 0; i < table.Rows.Length; i++)
        {
            var (line, cells) = table.Rows[i];
            for (var f = 0; f < width; f++)
            {
                var c = featureColumns[f];
                if (!TextValues.TryParseFloat(cells[c], out features[i * width + f]))
                    throw new InvalidDataException(TextValues.IsNumber(cells[c])
                        ? $"{table.Path}:{line}: column {c + 1}: {TextValues.Quote(cells[c])} is not a finite float"
                        : $"{table.Path}:{line}: column {c + 1}: {TextValues.Quote(cells[c])} is not a number");
            }

            var label = cells[labelColumn];
            if (labelIds is not null) labels[i] = labelIds[label];
            else
            {
                if (!TextValues.TryParseInt(label, out var id))
                    throw new InvalidDataException($"{table.Path}:{line}: column {labelColumn + 1}: label {TextValues.Quote(label)} is not an integer");
                if (id < 0 || id >= MaxClasses)
                    throw new InvalidDataException(
                        $"{table.Path}:{line}: column {labelColumn + 1}: label {id} is not a class id 0..{MaxClasses - 1}");
                labels[i] = id;
            }

            if (groups is not null)
            {
                var group = cells[groupColumn];
                if (group.Length == 0)
                    throw new InvalidDataException($"{table.Path}:{line}: column {groupColumn + 1}: empty group id");
                if (!groupIds!.TryGetValue(group, out var g)) groupIds[group] = g = groupIds.Count;
                groups[i] = g;
            }
        }
        return (features, labels, groups);
    }
}
