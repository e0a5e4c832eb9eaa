package io.autobot.optimizer.management.jmx;

import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.cache.TierStatistics;
import javax.management.ObjectName;

/** A {@code type=Cache} bean: reads its tier's statistics at each call. */
public final class CacheBean implements CacheMXBean {

    private final String tier;
    private final ResultCache cache;
    private final ObjectName name;

    public CacheBean(String tier, ResultCache cache) {
        this.tier = tier;
        this.cache = cache;
        this.name = Beans.name("Cache", "tier", tier);
    }

    public ObjectName objectName() {
        return name;
    }

    private TierStatistics statistics() {
        for (TierStatistics statistics : cache.statistics()) {
            if (statistics.tier().equals(tier)) {
                return statistics;
            }
        }
        return new TierStatistics(tier, 0, 0, 0, 0, 0, -1, 0); // the tier was closed
    }

    @Override
    public String getTier() {
        return tier;
    }

    @Override
    public long getEntries() {
        return statistics().entries();
    }

    @Override
    public long getCapacity() {
        return statistics().capacity();
    }

    @Override
    public double getUtilization() {
        return statistics().utilization();
    }

    @Override
    public long getHits() {
        return statistics().hits();
    }

    @Override
    public long getMisses() {
        return statistics().misses();
    }

    @Override
    public double getHitRate() {
        return statistics().hitRate();
    }

    @Override
    public long getEvictions() {
        return statistics().evictions();
    }

    @Override
    public long getBytesOnDisk() {
        return statistics().bytesOnDisk();
    }

    @Override
    public double getLoadTime() {
        return statistics().loadTimeNanos() / 1e9;
    }
}
