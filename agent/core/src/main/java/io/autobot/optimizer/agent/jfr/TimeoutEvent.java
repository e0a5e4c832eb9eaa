package io.autobot.optimizer.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** A call that did not finish within its time limit: its thread was interrupted and its caller got an OperationTimeoutException; the duration is the call's. */
@Name(FlightEvents.PREFIX + "Timeout")
@Label("Timeout")
@Category(FlightEvents.CATEGORY)
@Description("A call that did not finish within its time limit: its thread was interrupted and its caller got an OperationTimeoutException; the duration is the call's.")
@StackTrace(true)
final class TimeoutEvent extends jdk.jfr.Event {

    @Label("Operation")
    String operation;

    @Label("Method")
    String method;

    @Label("Limit")
    @Timespan(Timespan.NANOSECONDS)
    long limit;

    @Label("Adaptive")
    boolean adaptive;
}
