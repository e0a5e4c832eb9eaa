package io.autobot.optimizer.agent.discovery;

/**
 * How the cost of a method's calls grows with the length of its list argument: the running sums of
 * a least-squares fit of cost on length, over the observed calls. Element-wise work costs about the
 * same per element, so its cost lines up with the length; work that relates the elements, or that
 * does not depend on them, does not.
 */
final class SizeCost {

    private long calls;
    private double sumLength;
    private double sumCost;
    private double sumLengthCost;
    private double sumLengthSquared;
    private double sumCostSquared;
    private long minLength = Long.MAX_VALUE;
    private long maxLength;

    synchronized void add(long length, long costNanos) {
        calls++;
        sumLength += length;
        sumCost += costNanos;
        sumLengthCost += (double) length * costNanos;
        sumLengthSquared += (double) length * length;
        sumCostSquared += (double) costNanos * costNanos;
        minLength = Math.min(minLength, length);
        maxLength = Math.max(maxLength, length);
    }

    /** The fit: calls, lengths seen, mean length, nanoseconds per element (slope) and correlation. */
    record Fit(long calls, long minLength, long maxLength, double meanLength, double nanosPerElement,
            double correlation) {
    }

    synchronized Fit fit() {
        if (calls == 0) {
            return new Fit(0, 0, 0, 0, 0, 0);
        }
        double n = calls;
        double covariance = sumLengthCost / n - (sumLength / n) * (sumCost / n);
        double lengthVariance = sumLengthSquared / n - (sumLength / n) * (sumLength / n);
        double costVariance = sumCostSquared / n - (sumCost / n) * (sumCost / n);
        double slope = lengthVariance <= 0 ? 0 : covariance / lengthVariance;
        double correlation = lengthVariance <= 0 || costVariance <= 0 ? 0
                : covariance / Math.sqrt(lengthVariance * costVariance);
        return new Fit(calls, minLength, maxLength, sumLength / n, slope, correlation);
    }
}
