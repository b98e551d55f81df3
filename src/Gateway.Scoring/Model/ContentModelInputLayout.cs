namespace Gateway.Scoring.Model;

/// <summary>How a content model takes its feature rows (see <see cref="ContentModelContract"/>).</summary>
internal enum ContentModelInputLayout
{
    /// <summary>One float32 input <c>features</c> [N, F]: every feature of every row.</summary>
    Dense,

    /// <summary>
    /// int32 <c>feature_index</c> [N, K] and float32 <c>feature_value</c> [N, K]: a row's non-zero
    /// features, padded with index F (whose weight is 0) and value 0. Rows are about 93% zeros, so
    /// this moves a fraction of the memory the dense product reads.
    /// </summary>
    Sparse,
}
