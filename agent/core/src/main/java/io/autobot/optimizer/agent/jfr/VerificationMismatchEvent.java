package io.autobot.optimizer.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Verification ran a cached method's body again and it returned another result than the cache held; the method is no longer cached. */
@Name(FlightEvents.PREFIX + "VerificationMismatch")
@Label("Verification Mismatch")
@Category(FlightEvents.CATEGORY)
@Description("Verification ran a cached method's body again and it returned another result than the cache held; the method is no longer cached.")
@StackTrace(false)
final class VerificationMismatchEvent extends jdk.jfr.Event {

    @Label("Operation")
    String operation;

    @Label("Method")
    String method;

    @Label("Description")
    @Description("The classes of the call's arguments and of both results, never their values")
    String description;
}
