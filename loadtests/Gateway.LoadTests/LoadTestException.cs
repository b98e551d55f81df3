namespace Gateway.LoadTests;

/// <summary>A problem the user can fix (bad option, missing file, target not ready); printed without a stack trace.</summary>
internal sealed class LoadTestException(string message) : Exception(message);
