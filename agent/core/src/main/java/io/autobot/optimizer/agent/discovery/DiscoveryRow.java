package io.autobot.optimizer.agent.discovery;

/**
 * One ranked method of a discovery report. Numbers the window could not measure are -1 (counts)
 * or NaN (figures).
 *
 * @param method the method as a rules file names it: {@code com.acme.Prices.quote(java.lang.String, int)}
 * @param samples execution samples with the method on the stack
 * @param share those samples as a fraction of all execution samples of the window
 * @param calls calls observed (-1: not observed)
 * @param meanCostMicros mean time of a call, in microseconds
 * @param repeatRate fraction of calls whose arguments (by hash) had been seen before
 * @param savedMillisPerMinute estimated time caching would save, per minute of this load
 * @param verdict {@code cache}, {@code cache, verify first}, {@code not worth it}, {@code not cacheable: <reason>}
 *     or {@code not observed: <reason>}
 * @param policy the rules-file policies suggested ({@code cached(ttl=10m)}, {@code parallel}, {@code rate-limited}),
 *     empty when none
 * @param evidence one line of evidence, for the rules file's comment
 */
public record DiscoveryRow(String method, long samples, double share, long calls, double meanCostMicros,
        double repeatRate, double savedMillisPerMinute, String verdict, String policy, String evidence) {

    /** Whether the verdict is one of the two that suggest caching. */
    public boolean cacheable() {
        return verdict.startsWith("cache");
    }

    /** Whether any policy is suggested: caching, or {@code parallel} or {@code rate-limited} alone. */
    public boolean suggested() {
        return !policy.isEmpty();
    }
}
