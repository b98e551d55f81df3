namespace Gateway.TestSupport;

/// <summary>Where the Redis executables are (Debian: <c>redis-server</c>, and <c>redis-cli</c> from <c>redis-tools</c>).</summary>
internal static class RedisTools
{
    public static string Find(string executable)
    {
        foreach (var folder in new[] { "/usr/bin", "/usr/local/bin" })
        {
            var candidate = Path.Combine(folder, executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"{executable} is not installed; run ./test.sh, which installs it (scripts/install-test-deps.sh).");
    }
}
