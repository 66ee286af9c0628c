namespace FedSim.Core.Scenarios;

/// <summary>One problem in a scenario, located as <c>file:line: field: what is wrong</c>.</summary>
public sealed record ScenarioError(string Source, int? Line, string Field, string Message)
{
    public override string ToString() =>
        Line is { } line ? $"{Source}:{line}: {Field}: {Message}" : $"{Source}: {Field}: {Message}";
}
