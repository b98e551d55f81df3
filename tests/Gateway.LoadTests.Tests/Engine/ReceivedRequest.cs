namespace Gateway.LoadTests.Tests.Engine;

/// <summary>What <see cref="RecordingServer"/> saw of one request; <c>RawTarget</c> exactly as it came off the wire.</summary>
internal sealed record ReceivedRequest(string Method, string RawTarget, string ForwardedFor, string? ContentType, byte[] Body);
