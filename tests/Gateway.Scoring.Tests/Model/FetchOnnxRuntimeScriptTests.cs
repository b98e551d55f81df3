using System.Diagnostics;
using Gateway.Scoring.Model.OnnxRuntime;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Model;

/// <summary>
/// build/fetch-onnxruntime.sh, run for real with bash against a private cache directory. The
/// fetching path itself (npm pack, checksums, atomic publish) runs on every build; these tests
/// cover what a build never shows: a cache that was tampered with, and a machine without npm.
/// </summary>
public sealed class FetchOnnxRuntimeScriptTests : IDisposable
{
    private const string LibrarySha256 = "ffb75a925ba05e47b235bb66e3e3911714a80b328a9c9425539feb204aa32a23";
    private static readonly string Script = RepoPaths.InRepo("build", "fetch-onnxruntime.sh");

    private readonly string _root = Directory.CreateTempSubdirectory("gateway-ort-fetch-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Fetch_CachedLibraryWithWrongSha256_IsRefusedAndLeftInPlace()
    {
        var cached = CacheFile();
        File.WriteAllText(cached, "not the library anyone verified");

        var (exitCode, _, error) = RunScript(PathWithout("npm"));

        Assert.Equal(1, exitCode);
        Assert.Contains("error ORT003:", error);
        Assert.Contains(cached, error);
        Assert.Contains($"expected {LibrarySha256}", error);
        Assert.Equal("not the library anyone verified", File.ReadAllText(cached));
    }

    [Fact]
    public void Fetch_VerifiedLibraryCached_SucceedsWithoutNpm()
    {
        var cached = CacheFile();
        File.Copy(OrtLibrary.DefaultPath, cached);

        var (exitCode, output, error) = RunScript(PathWithout("npm"));

        Assert.True(exitCode == 0, error);
        Assert.Equal(cached, output.Trim());
    }

    [Fact]
    public void Fetch_NothingCachedAndNoNpm_SaysNpmIsNeeded()
    {
        var (exitCode, _, error) = RunScript(PathWithout("npm"));

        Assert.Equal(1, exitCode);
        Assert.Contains("error ORT004: 'npm' is required to fetch ONNX Runtime 1.30.0", error);
        Assert.False(File.Exists(CacheFile()));
    }

    private string CacheDirectory => Path.Combine(_root, "cache", "1.30.0");

    private string CacheFile()
    {
        Directory.CreateDirectory(CacheDirectory);
        return Path.Combine(CacheDirectory, "libonnxruntime.so.1");
    }

    /// <summary>A PATH of links to the tools the script may use, minus <paramref name="missing"/>.</summary>
    private string PathWithout(string missing)
    {
        var bin = Path.Combine(_root, "bin");
        Directory.CreateDirectory(bin);
        string[] tools = ["bash", "sha256sum", "sha1sum", "sha512sum", "cut", "tar", "gzip", "base64", "od", "tr", "mktemp",
            "mkdir", "rm", "cat", "chmod", "touch", "mv", "npm", "node"];
        foreach (var tool in tools)
        {
            var target = FindOnPath(tool);
            if (tool != missing && target is not null)
            {
                File.CreateSymbolicLink(Path.Combine(bin, tool), target);
            }
        }
        return bin;
    }

    private static string? FindOnPath(string tool)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var candidate = Path.Combine(directory, tool);
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private (int ExitCode, string Output, string Error) RunScript(string path)
    {
        var start = new ProcessStartInfo(Path.Combine(path, "bash"))
        {
            ArgumentList = { Script, CacheDirectory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = path;
        start.Environment.Remove("GATEWAY_ORT_CACHE");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "fetch-onnxruntime.sh did not finish.");
        return (process.ExitCode, output.Result, error);
    }
}
