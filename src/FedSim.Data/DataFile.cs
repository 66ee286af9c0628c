using System.IO.Compression;
using System.Text;

namespace FedSim.Data;

/// <summary>Reads a data file whole, raw or gzipped (detected by the gzip magic bytes, not the file name).</summary>
internal static class DataFile
{
    public static byte[] ReadAllBytes(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new InvalidDataException($"{path}: cannot read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidDataException($"{path}: cannot read: {e.Message}", e);
        }
        if (bytes.Length < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b) return bytes;
        try
        {
            using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            return ms.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: gzip data is corrupt or truncated ({e.Message})", e);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: gzip data is truncated ({e.Message})", e);
        }
    }

    /// <summary>The file as UTF-8 text (a byte-order mark is skipped).</summary>
    public static StreamReader OpenText(string path) =>
        new(new MemoryStream(ReadAllBytes(path)), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

    /// <summary>The file's lines as UTF-8 text (a byte-order mark is skipped; \n, \r\n and \r all end a line).</summary>
    public static string[] ReadAllLines(string path)
    {
        using var reader = OpenText(path);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines.ToArray();
    }
}
