namespace Gateway.Scoring.Tests.Reputation;

/// <summary>A throw-away folder of list files, removed on dispose.</summary>
internal sealed class TempListFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("reputation-tests-").FullName;

    public string Write(string name, string content)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
