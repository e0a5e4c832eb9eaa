package io.autobot.optimizer.management.report;

import io.autobot.optimizer.agent.cache.FlightStatistics;
import io.autobot.optimizer.agent.cache.TierStatistics;
import io.autobot.optimizer.management.opendata.Composites;
import io.autobot.optimizer.management.opendata.Figure;
import java.util.List;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataView;
import javax.management.openmbean.CompositeType;

/**
 * The {@code CacheStatistics} attribute: each tier's figures under {@code <tier>_cache}, null for a
 * tier that is not open (the export and the API leave it out), and the single flight's.
 */
public record CacheStatistics(
        @Figure("The memory tier")
        TierFigures memory_cache,
        @Figure("The disk tier; empty until it is open")
        TierFigures disk_cache,
        @Figure("The fleet's Redis tier; empty unless the strategy is distributed")
        TierFigures redis_cache,
        @Figure("Callers that waited for another caller's run of the same key")
        FlightFigures single_flight) implements CompositeDataView {

    public static CacheStatistics of(List<TierStatistics> tiers, FlightStatistics flights) {
        return new CacheStatistics(tier(tiers, "memory"), tier(tiers, "disk"), tier(tiers, "redis"),
                FlightFigures.of(flights));
    }

    private static TierFigures tier(List<TierStatistics> tiers, String name) {
        for (TierStatistics tier : tiers) {
            if (tier.tier().equals(name)) {
                return TierFigures.of(tier);
            }
        }
        return null;
    }

    @Override
    public CompositeData toCompositeData(CompositeType type) {
        return Composites.of(this, type);
    }
}
