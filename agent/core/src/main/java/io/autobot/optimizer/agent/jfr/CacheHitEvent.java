package io.autobot.optimizer.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A call answered from the cache; the duration is the lookup's. */
@Name(FlightEvents.PREFIX + "CacheHit")
@Label("Cache Hit")
@Category(FlightEvents.CATEGORY)
@Description("A call answered from the cache; the duration is the lookup's.")
@StackTrace(false)
final class CacheHitEvent extends jdk.jfr.Event {

    @Label("Operation")
    String operation;

    @Label("Method")
    String method;

    @Label("Tier")
    @Description("The tier that held the result: memory, disk or redis")
    String tier;
}
