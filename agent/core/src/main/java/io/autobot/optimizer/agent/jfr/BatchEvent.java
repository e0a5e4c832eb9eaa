package io.autobot.optimizer.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One call of the batch method for coalesced single calls; the duration is the batch call's. */
@Name(FlightEvents.PREFIX + "Batch")
@Label("Batch")
@Category(FlightEvents.CATEGORY)
@Description("One call of the batch method for coalesced single calls; the duration is the batch call's.")
@StackTrace(false)
final class BatchEvent extends jdk.jfr.Event {

    @Label("Operation")
    String operation;

    @Label("Batch Method")
    String via;

    @Label("Size")
    @Description("The single calls the batch answered")
    int size;
}
