namespace Gateway.Scoring.Geo;

internal enum GeoDatabaseKind
{
    Country,
    Asn,
}
