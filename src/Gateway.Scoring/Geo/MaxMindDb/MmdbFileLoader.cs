using System.IO.Compression;

namespace Gateway.Scoring.Geo.MaxMindDb;

/// <summary>
/// Reads a whole database into memory: lookups then touch no disk, and a file replaced on disk
/// cannot change under a running reader. <c>.gz</c> files are decompressed in memory (the bundled
/// databases ship compressed to keep the repository small).
/// </summary>
internal static class MmdbFileLoader
{
    /// <summary>Large enough for a city database; small enough that a gzip bomb cannot exhaust memory.</summary>
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    public static byte[] ReadAll(string path, long maxBytes = DefaultMaxBytes)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                ? Decompress(file, path, maxBytes)
                : ReadPlain(file, path, maxBytes);
        }
        catch (FileNotFoundException)
        {
            throw new MmdbFormatException(path, "file not found");
        }
        catch (DirectoryNotFoundException)
        {
            throw new MmdbFormatException(path, "file not found (no such directory)");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new MmdbFormatException(path, "file cannot be read: " + ex.Message, ex);
        }
        catch (IOException ex)
        {
            throw new MmdbFormatException(path, "file cannot be read: " + ex.Message, ex);
        }
    }

    private static byte[] ReadPlain(FileStream file, string path, long maxBytes)
    {
        var length = file.Length;
        if (length > maxBytes)
        {
            throw new MmdbFormatException(path, $"file is {length} bytes, over the limit of {maxBytes}");
        }
        var bytes = new byte[length];
        file.ReadExactly(bytes);
        return bytes;
    }

    private static byte[] Decompress(FileStream file, string path, long maxBytes)
    {
        try
        {
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var output = new MemoryStream(capacity: (int)Math.Min(maxBytes, Math.Max(file.Length * 3, 4096)));
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new MmdbFormatException(path, $"decompresses to more than the limit of {maxBytes} bytes");
                }
                output.Write(buffer, 0, read);
            }
            if (output.Length == 0)
            {
                throw new MmdbFormatException(path, "gzip stream is empty");
            }
            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new MmdbFormatException(path, "not a valid gzip stream: " + ex.Message, ex);
        }
    }
}
