using System.Diagnostics;
using System.Text;

namespace Gateway.Scoring.Tests.Geo;

/// <summary>
/// Runs the reference C implementation (libmaxminddb's <c>mmdblookup</c>, Debian mmdb-bin) over
/// many addresses. One process per address is unavoidable, so a shell loop runs them (cheaper than
/// starting each from .NET) in as many parallel chunks as there are cores.
/// </summary>
internal static class MmdblookupReference
{
    public const string Executable = "/usr/bin/mmdblookup";

    private const string Script =
        "while IFS= read -r ip; do /usr/bin/mmdblookup -v --file \"$1\" --ip \"$ip\" 2>/dev/null; echo \"@@@ $?\"; done < \"$2\"";

    public static IReadOnlyList<ReferenceAnswer> LookUp(string databasePath, IReadOnlyList<string> addresses)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing (Debian package mmdb-bin); it is the reference these tests compare with.");
        var chunks = Math.Max(1, Math.Min(Environment.ProcessorCount, addresses.Count / 200 + 1));
        var chunkSize = (addresses.Count + chunks - 1) / chunks;
        var results = new IReadOnlyList<ReferenceAnswer>[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, c =>
        {
            var part = addresses.Skip(c * chunkSize).Take(chunkSize).ToList();
            results[c] = Run(databasePath, part);
        });
        return results.SelectMany(r => r).ToList();
    }

    private static IReadOnlyList<ReferenceAnswer> Run(string databasePath, IReadOnlyList<string> addresses)
    {
        var listFile = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(listFile, addresses);
            var start = new ProcessStartInfo("/bin/bash")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var argument in new[] { "-c", Script, "mmdblookup-batch", databasePath, listFile })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"mmdblookup batch failed: {stderr.Result}");
            var answers = Split(output);
            Assert.True(answers.Count == addresses.Count, $"mmdblookup gave {answers.Count} answers for {addresses.Count} addresses");
            return answers;
        }
        finally
        {
            File.Delete(listFile);
        }
    }

    private static List<ReferenceAnswer> Split(string output)
    {
        var answers = new List<ReferenceAnswer>();
        var block = new List<string>();
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("@@@ ", StringComparison.Ordinal))
            {
                answers.Add(ReferenceAnswer.Parse(int.Parse(line[4..]), block));
                block.Clear();
            }
            else
            {
                block.Add(line);
            }
        }
        return answers;
    }
}
