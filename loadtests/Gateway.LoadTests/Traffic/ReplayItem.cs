namespace Gateway.LoadTests.Traffic;

/// <summary>A recorded request's content, ready to send: method, wire-form target and body.</summary>
internal sealed record ReplayItem(string Method, string Target, byte[]? Body, string? ContentType);
