using FedSim.Core.Metrics;

namespace FedSim.Core.Tests.Metrics;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Metrics_of_a_three_class_confusion_are_hand_computed()
    {
        // Rows: true class, columns: predicted.
        long[,] confusion =
        {
            { 5, 1, 0 },
            { 2, 3, 1 },
            { 0, 0, 4 },
        };

        var m = ClassificationMetrics.FromConfusion(confusion);

        // Total 16, diagonal 5 + 3 + 4 = 12: accuracy 3/4.
        // Class 0: tp 5, predicted (column) 7, actual (row) 6: P 5/7, R 5/6, F1 = 2tp / (pred + actual) = 10/13.
        // Class 1: tp 3, predicted 4, actual 6: P 3/4, R 1/2, F1 = 6/10.
        // Class 2: tp 4, predicted 5, actual 4: P 4/5, R 1, F1 = 8/9.
        // Macro P = (5/7 + 3/4 + 4/5) / 3 = (317/140) / 3 = 317/420.
        // Macro R = (5/6 + 1/2 + 1) / 3 = 7/9.
        // Macro F1 = (10/13 + 3/5 + 8/9) / 3 = (1321/585) / 3 = 1321/1755.
        Assert.Equal(16, m.Samples);
        Assert.Equal(0.75, m.Accuracy, 12);
        Assert.Equal(317.0 / 420, m.PrecisionMacro, 12);
        Assert.Equal(7.0 / 9, m.RecallMacro, 12);
        Assert.Equal(1321.0 / 1755, m.F1Macro, 12);
    }

    [Fact]
    public void A_class_never_predicted_has_precision_zero()
    {
        // Class 1 is never predicted: P = R = F1 = 0 for it. Class 0: tp 2, predicted 3, actual 2: P 2/3, R 1, F1 4/5.
        long[,] confusion =
        {
            { 2, 0 },
            { 1, 0 },
        };

        var m = ClassificationMetrics.FromConfusion(confusion);

        Assert.Equal(2.0 / 3, m.Accuracy, 12);
        Assert.Equal(1.0 / 3, m.PrecisionMacro, 12);
        Assert.Equal(0.5, m.RecallMacro, 12);
        Assert.Equal(0.4, m.F1Macro, 12);
    }

    [Fact]
    public void A_class_never_present_has_recall_zero()
    {
        // Class 1 never occurs but is predicted once: its P = 0/1 = 0 and R = 0 (no samples).
        // Class 0: tp 3, predicted 3, actual 4: P 1, R 3/4, F1 6/7.
        long[,] confusion =
        {
            { 3, 1 },
            { 0, 0 },
        };

        var m = ClassificationMetrics.FromConfusion(confusion);

        Assert.Equal(0.75, m.Accuracy, 12);
        Assert.Equal(0.5, m.PrecisionMacro, 12);
        Assert.Equal(0.375, m.RecallMacro, 12);
        Assert.Equal(3.0 / 7, m.F1Macro, 12);
    }

    [Fact]
    public void A_perfect_confusion_scores_one_everywhere()
    {
        var m = ClassificationMetrics.FromConfusion(new long[,] { { 4, 0 }, { 0, 6 } });

        Assert.Equal(new ClassificationMetrics(1, 1, 1, 1, 10), m);
    }

    [Fact]
    public void An_empty_confusion_has_accuracy_zero()
    {
        var m = ClassificationMetrics.FromConfusion(new long[2, 2]);

        Assert.Equal(0, m.Accuracy);
        Assert.Equal(0, m.Samples);
    }

    [Fact]
    public void Confusion_counts_true_class_by_row_and_prediction_by_column()
    {
        var m = ClassificationMetrics.Confusion([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3);

        Assert.Equal(new long[,] { { 1, 1, 0 }, { 0, 1, 0 }, { 1, 0, 2 } }, m);
    }

    [Fact]
    public void Confusion_rejects_lists_of_different_length()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Confusion([0, 1], [0], 2));
    }
}
