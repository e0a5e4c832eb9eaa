package io.autobot.optimizer.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A call whose list or collection argument was cut into chunks run on worker threads; the duration is the whole call's. */
@Name(FlightEvents.PREFIX + "Split")
@Label("Split")
@Category(FlightEvents.CATEGORY)
@Description("A call whose list or collection argument was cut into chunks run on worker threads; the duration is the whole call's.")
@StackTrace(false)
final class SplitEvent extends jdk.jfr.Event {

    @Label("Operation")
    String operation;

    @Label("Method")
    String method;

    @Label("Elements")
    int elements;

    @Label("Chunks")
    int chunks;
}
