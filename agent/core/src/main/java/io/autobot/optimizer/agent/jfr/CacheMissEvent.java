package io.autobot.optimizer.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A lookup that found no stored result, so the method's body runs; the duration is the lookup's. */
@Name(FlightEvents.PREFIX + "CacheMiss")
@Label("Cache Miss")
@Category(FlightEvents.CATEGORY)
@Description("A lookup that found no stored result, so the method's body runs; the duration is the lookup's.")
@StackTrace(false)
final class CacheMissEvent extends jdk.jfr.Event {

    @Label("Operation")
    String operation;

    @Label("Method")
    String method;

    @Label("Strategy")
    @Description("The cache strategy, which says the tiers that were asked")
    String strategy;
}
