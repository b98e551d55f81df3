namespace Gateway.Scoring.Content;

/// <summary>
/// Where the decoded argument names and values go: names and values into separate n-gram regions
/// (a site's parameter names say which site it is, its values say what a client sends), and both into
/// the hand-written counts, one field at a time so that no pattern spans two fields.
/// </summary>
internal ref struct ArgumentFeatures
{
    public NGramBuckets Names;
    public NGramBuckets Values;
    public HandcraftedCounter Counter;

    public ArgumentFeatures(NGramBuckets names, NGramBuckets values, HandcraftedCounter counter)
    {
        Names = names;
        Values = values;
        Counter = counter;
    }

    public void AddName(scoped ReadOnlySpan<char> name)
    {
        Names.Add(name);
        Counter.Add(name);
    }

    public void AddValue(scoped ReadOnlySpan<char> value)
    {
        Values.Add(value);
        Counter.Add(value);
    }
}
