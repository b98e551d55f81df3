namespace Gateway.LoadTests.LoginSim;

internal enum NetworkKind
{
    Residential,
    Mobile,
    Hosting,
}
