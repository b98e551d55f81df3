namespace Gateway.Scoring.Features.InProcess;

/// <summary>One bucket of a ring: which bucket it currently holds and its count.</summary>
internal struct CounterSlot
{
    public long Bucket;
    public int Count;
}
