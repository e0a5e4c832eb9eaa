package io.autobot.optimizer.management.report;

import io.autobot.optimizer.agent.cache.TierStatistics;
import io.autobot.optimizer.management.opendata.Composites;
import io.autobot.optimizer.management.opendata.Figure;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataView;
import javax.management.openmbean.CompositeType;

/** One cache tier's figures in {@code CacheStatistics}, named as its keys (docs/management.md). */
public record TierFigures(
        @Figure(value = "Entries in the tier; -1 when the tier cannot count them", units = "entries")
        long entries,
        @Figure(value = "The most entries the tier keeps; -1 when unbounded", units = "entries")
        long capacity,
        @Figure(value = "Entries / capacity, 0 for an unbounded tier", units = "ratio")
        double utilization,
        @Figure(value = "Lookups the tier answered", units = "lookups")
        long hits,
        @Figure(value = "Lookups the tier could not answer", units = "lookups")
        long misses,
        @Figure(value = "Hits / lookups, 0 before the first lookup", units = "ratio")
        double hit_rate,
        @Figure(value = "Entries evicted for capacity or expiry", units = "entries")
        long evictions,
        @Figure(value = "Size of the tier's files; -1 for a tier without files", units = "bytes")
        long bytes_on_disk,
        @Figure(value = "Time spent computing the values stored in the tier", units = "seconds")
        double load_time) implements CompositeDataView {

    public static TierFigures of(TierStatistics tier) {
        return new TierFigures(tier.entries(), tier.capacity(), tier.utilization(), tier.hits(), tier.misses(),
                tier.hitRate(), tier.evictions(), tier.bytesOnDisk(), tier.loadTimeNanos() / 1e9);
    }

    @Override
    public CompositeData toCompositeData(CompositeType type) {
        return Composites.of(this, type);
    }
}
