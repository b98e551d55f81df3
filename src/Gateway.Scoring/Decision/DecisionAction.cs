namespace Gateway.Scoring.Decision;

public enum DecisionAction : byte
{
    Pass,
    Challenge,
    Block,
}
