package io.autobot.optimizer.management.system;

/**
 * One reading of the host: loads are fractions (0..1) of the whole machine, sizes are bytes, and
 * a figure that could not be read is {@code NaN}.
 *
 * @param timeMillis when it was taken
 * @param systemCpu the whole machine's CPU load
 * @param processCpu this JVM's CPU load, as a share of the whole machine
 * @param memoryTotal physical memory
 * @param memoryAvailable physical memory available to new work
 * @param processResident this JVM's resident set size
 * @param heapUsed the JVM heap in use (garbage included)
 * @param heapMax the largest the heap may grow
 * @param processors logical processors
 */
public record SystemSample(long timeMillis, double systemCpu, double processCpu, double memoryTotal,
        double memoryAvailable, double processResident, double heapUsed, double heapMax, int processors) {

    /** Physical memory in use, in percent; NaN when unknown. */
    public double memoryUsagePercent() {
        return memoryTotal > 0 && !Double.isNaN(memoryAvailable)
                ? (memoryTotal - memoryAvailable) / memoryTotal * 100 : Double.NaN;
    }

    /** Heap in use over its maximum, in percent; NaN when the maximum is undefined. */
    public double heapUsagePercent() {
        return heapMax > 0 ? heapUsed / heapMax * 100 : Double.NaN;
    }
}
