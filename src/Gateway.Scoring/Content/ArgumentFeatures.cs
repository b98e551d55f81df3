namespace Gateway.Scoring.Content;

/// <summary>
/// Where the decoded argument names and values go: values into the n-gram region, names and values
/// into the hand-written counts, one field at a time so that no pattern spans two fields. Names get no
/// n-grams and no keyword counts: they are an application's vocabulary, not what a client says.
/// </summary>
internal ref struct ArgumentFeatures
{
    public NGramBuckets Values;
    public HandcraftedCounter Counter;

    public ArgumentFeatures(NGramBuckets values, HandcraftedCounter counter)
    {
        Values = values;
        Counter = counter;
    }

    public void AddName(scoped ReadOnlySpan<char> name) => Counter.Add(name, countKeywords: false);

    public void AddValue(scoped ReadOnlySpan<char> value)
    {
        Values.Add(value);
        Counter.Add(value);
        Counter.AddValueShape(value);
    }
}
