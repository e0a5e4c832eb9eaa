package io.autobot.optimizer.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** A result written to the cache after a miss; the duration is the write's. */
@Name(FlightEvents.PREFIX + "CacheStore")
@Label("Cache Store")
@Category(FlightEvents.CATEGORY)
@Description("A result written to the cache after a miss; the duration is the write's.")
@StackTrace(false)
final class CacheStoreEvent extends jdk.jfr.Event {

    @Label("Operation")
    String operation;

    @Label("Method")
    String method;

    @Label("Strategy")
    @Description("The cache strategy, which says the tiers written")
    String strategy;

    @Label("Load Time")
    @Description("What the body took to compute the result stored")
    @Timespan(Timespan.NANOSECONDS)
    long loadTime;
}
