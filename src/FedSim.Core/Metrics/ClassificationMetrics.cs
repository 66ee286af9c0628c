namespace FedSim.Core.Metrics;

/// <summary>Accuracy and macro-averaged precision, recall and F1 from a confusion matrix (rows: true class, columns: predicted).</summary>
public sealed record ClassificationMetrics(double Accuracy, double PrecisionMacro, double RecallMacro, double F1Macro, long Samples)
{
    public static ClassificationMetrics FromConfusion(long[,] confusion)
    {
        var k = confusion.GetLength(0);
        long total = 0, correct = 0;
        double precisionSum = 0, recallSum = 0, f1Sum = 0;
        for (var c = 0; c < k; c++)
        {
            long tp = confusion[c, c], predicted = 0, actual = 0;
            for (var j = 0; j < k; j++)
            {
                predicted += confusion[j, c];
                actual += confusion[c, j];
                total += confusion[c, j];
            }
            correct += tp;
            // A class never predicted has precision 0, one never present recall 0 (scikit-learn's zero_division=0).
            var precision = predicted == 0 ? 0 : (double)tp / predicted;
            var recall = actual == 0 ? 0 : (double)tp / actual;
            precisionSum += precision;
            recallSum += recall;
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return new ClassificationMetrics(
            total == 0 ? 0 : (double)correct / total,
            precisionSum / k, recallSum / k, f1Sum / k, total);
    }

    public static long[,] Confusion(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, int classes)
    {
        if (truth.Length != predicted.Length) throw new ArgumentException("truth and predictions differ in length");
        var m = new long[classes, classes];
        for (var i = 0; i < truth.Length; i++) m[truth[i], predicted[i]]++;
        return m;
    }
}
