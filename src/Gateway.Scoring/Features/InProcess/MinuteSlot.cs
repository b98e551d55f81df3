namespace Gateway.Scoring.Features.InProcess;

/// <summary>One minute bucket: the counters of the 10-minute window.</summary>
internal struct MinuteSlot
{
    public long Bucket;
    public int Requests;
    public int Responses;
    public int ClientErrors;
    public int ServerErrors;

    /// <summary>Distinct paths whose most recent request fell in this minute (each path counts in one minute only).</summary>
    public int PathsLastSeenHere;
}
