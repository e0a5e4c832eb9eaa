package io.autobot.optimizer.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A call that waited for a permit of its rate limiter; the duration is the wait. */
@Name(FlightEvents.PREFIX + "ThrottleWait")
@Label("Throttle Wait")
@Category(FlightEvents.CATEGORY)
@Description("A call that waited for a permit of its rate limiter; the duration is the wait.")
@StackTrace(true)
final class ThrottleWaitEvent extends jdk.jfr.Event {

    @Label("Operation")
    String operation;

    @Label("Method")
    String method;

    @Label("Limiter")
    String limiter;

    @Label("Granted")
    @Description("False when no permit came within the longest wait, and the call failed")
    boolean granted;
}
