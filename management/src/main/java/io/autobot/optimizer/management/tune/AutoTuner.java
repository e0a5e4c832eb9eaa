package io.autobot.optimizer.management.tune;

import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.management.recommend.Advisor;
import io.autobot.optimizer.management.recommend.Figures;
import io.autobot.optimizer.management.recommend.Recommendation;
import io.autobot.optimizer.management.report.Counters;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the recommendations by itself when {@code AUTOBOT_AUTOTUNE} is on: at most one change
 * per interval, judged on the figures of that interval only, and logged. It never oscillates:
 * <ul>
 * <li>a setting it changed is never moved back the other way by it, and a switch or a choice
 *     (level, strategy, throttling) is set by it at most once;</li>
 * <li>the interval after a change only settles (its figures still mix old and new traffic);</li>
 * <li>the same setting is changed again only if the last change improved the figure that asked
 *     for it; otherwise the setting is left alone for the rest of the run.</li>
 * </ul>
 * It works from the values in force, so changes made by people (JMX, CLI, API) are respected.
 */
public final class AutoTuner {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    /** The last change the tuner made, with the figure that asked for it. */
    private record Change(Setting<?> setting, double figureBefore) {
    }

    private final RuntimeSettings settings;
    private final Advisor advisor;
    private final Supplier<Figures> lifetimeFigures;
    private final Map<Setting<?>, Integer> directions = new HashMap<>();
    private final Set<Setting<?>> exhausted = new HashSet<>();
    private Figures previous;
    private Change lastChange;
    private boolean settling;
    private long lastRunNanos;

    /**
     * @param lifetimeFigures the figures since start; the tuner works on differences between readings
     */
    public AutoTuner(RuntimeSettings settings, Advisor advisor, Supplier<Figures> lifetimeFigures) {
        this.settings = settings;
        this.advisor = advisor;
        this.lifetimeFigures = lifetimeFigures;
    }

    /** Called on every management tick; runs a step when the interval has passed. */
    public synchronized void tick(long nanosNow) {
        if (!settings.get(Setting.AUTOTUNE)) {
            previous = null; // when switched on again, the first interval starts then
            return;
        }
        long interval = settings.get(Setting.AUTOTUNE_INTERVAL).toNanos();
        if (previous != null && nanosNow - lastRunNanos < interval) {
            return;
        }
        lastRunNanos = nanosNow;
        step();
    }

    /** One tuning step over the figures since the previous step; returns the change made, or null. */
    synchronized Recommendation step() {
        Figures now = lifetimeFigures.get();
        Figures before = previous;
        previous = now;
        if (before == null) {
            return null; // the first reading only opens the first interval
        }
        if (settling) {
            settling = false;
            return null;
        }
        Map<String, Counters> operations = new HashMap<>();
        now.operations().forEach((name, counters) ->
                operations.put(name, counters.minus(before.operations().getOrDefault(name, Counters.ZERO))));
        Figures window = new Figures(now.total().minus(before.total()), operations, now.system(),
                now.memoryUtilization(), Math.max(0, now.evictions() - before.evictions()));
        for (Recommendation advice : advisor.advise(window)) {
            if (advice.actionable() && allowed(advice)) {
                apply(advice);
                return advice;
            }
        }
        return null;
    }

    private boolean allowed(Recommendation advice) {
        Setting<?> setting = advice.setting();
        if (exhausted.contains(setting)) {
            return false;
        }
        Integer earlier = directions.get(setting);
        int direction = compare(settings.get(setting), setting.parse(advice.value()));
        if (earlier != null && (earlier != direction || direction == 0)) {
            return false;
        }
        if (lastChange != null && lastChange.setting() == setting) {
            boolean improved = advice.higherIsBetter() ? advice.figure() > lastChange.figureBefore()
                    : advice.figure() < lastChange.figureBefore();
            if (!improved) {
                exhausted.add(setting);
                LOG.info("auto-tuning: the last change of {} did not improve the figure that asked for it"
                        + " ({} before, {} after); {} stays at {}", setting.environmentVariable(),
                        round(lastChange.figureBefore()), round(advice.figure()), setting.environmentVariable(),
                        current(setting));
                return false;
            }
        }
        return true;
    }

    private void apply(Recommendation advice) {
        Setting<?> setting = advice.setting();
        Object before = settings.get(setting);
        String beforeText = current(setting);
        settings.set(setting.key(), advice.value());
        directions.put(setting, compare(before, settings.get(setting)));
        lastChange = new Change(setting, advice.figure());
        settling = true;
        LOG.info("auto-tuning: {} {} -> {}. {}", setting.environmentVariable(), beforeText, advice.value(),
                advice.text());
    }

    /** +1 when {@code after} is a larger number or duration, -1 when smaller, 0 for a switch or a choice. */
    static int compare(Object before, Object after) {
        if (before instanceof Number && after instanceof Number) {
            return Double.compare(((Number) after).doubleValue(), ((Number) before).doubleValue());
        }
        if (before instanceof Duration && after instanceof Duration) {
            return Integer.signum(((Duration) after).compareTo((Duration) before));
        }
        return 0;
    }

    private <T> String current(Setting<T> setting) {
        return setting.format(settings.get(setting));
    }

    private static String round(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
