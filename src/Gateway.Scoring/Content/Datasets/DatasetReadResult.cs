namespace Gateway.Scoring.Content.Datasets;

/// <summary>Every request that parsed, and one message per problem (<c>file:line: what</c>).</summary>
internal sealed record DatasetReadResult<T>(IReadOnlyList<T> Requests, IReadOnlyList<string> Errors);
