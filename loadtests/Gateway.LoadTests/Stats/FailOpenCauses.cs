namespace Gateway.LoadTests.Stats;

/// <summary>The causes in a fixed order, with the reason each one stands for in the decision header.</summary>
internal static class FailOpenCauses
{
    public static IReadOnlyList<(FailOpenCause Cause, string Reason)> All { get; } =
    [
        (FailOpenCause.FeaturesLate, "late:features"),
        (FailOpenCause.FeaturesDown, "down:features"),
        (FailOpenCause.ContentLate, "late:content"),
        (FailOpenCause.ContentShed, "shed:content"),
        (FailOpenCause.ContentFailed, "failed:content"),
        (FailOpenCause.BodyLate, "late:body"),
        (FailOpenCause.PipelineError, "error:pipeline"),
    ];

    public static int Count => All.Count;

    /// <summary>Index of a single cause in <see cref="All"/>.</summary>
    public static int IndexOf(FailOpenCause cause)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Cause == cause)
            {
                return i;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(cause), cause, "not a single cause");
    }

    /// <summary>CSV column / table heading for a cause, e.g. <c>shed_content</c>.</summary>
    public static string ColumnName(int index) => All[index].Reason.Replace(':', '_');
}
