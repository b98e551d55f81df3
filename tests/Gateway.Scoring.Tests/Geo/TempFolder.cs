namespace Gateway.Scoring.Tests.Geo;

internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "geo-tests-" + Guid.NewGuid().ToString("N"))).FullName;

    public string Write(string fileName, byte[] contents)
    {
        var file = System.IO.Path.Combine(Path, fileName);
        File.WriteAllBytes(file, contents);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
