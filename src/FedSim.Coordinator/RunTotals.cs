namespace FedSim.Coordinator;

/// <summary>A run's running totals, for its summary.</summary>
internal sealed class RunTotals
{
    public long BytesUp { get; private set; }
    public long BytesDown { get; private set; }
    public long Fp32BytesUp { get; private set; }
    public long Fp32BytesDown { get; private set; }
    public int Failures { get; private set; }
    public int Rounds { get; private set; }
    public double RoundsSeconds { get; private set; }
    public double EvalSeconds { get; private set; }
    public double TrainSeconds { get; private set; }

    /// <summary>The simulated clock: the sum of the rounds' simulated seconds.</summary>
    public double SimClockSeconds { get; private set; }

    public void AddTraffic(RoundTraffic traffic, int failures)
    {
        BytesUp += traffic.BytesUp;
        BytesDown += traffic.BytesDown;
        Fp32BytesUp += traffic.Fp32BytesUp;
        Fp32BytesDown += traffic.Fp32BytesDown;
        Failures += failures;
    }

    public void AddRound(int round, double seconds, double evalSeconds, double trainSeconds, double simSeconds)
    {
        SimClockSeconds += simSeconds;
        Rounds = round;
        RoundsSeconds += seconds;
        EvalSeconds += evalSeconds;
        TrainSeconds += trainSeconds;
    }
}
