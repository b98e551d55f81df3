namespace Gateway.Scoring.Model;

/// <summary>What <see cref="ContentModelContract.Check"/> learned about a model that keeps the contract.</summary>
/// <param name="FeatureCount">F, the length of the feature vector the extractor fills.</param>
/// <param name="Layout">How rows are fed to the model.</param>
internal readonly record struct ContentModelShape(int FeatureCount, ContentModelInputLayout Layout);
