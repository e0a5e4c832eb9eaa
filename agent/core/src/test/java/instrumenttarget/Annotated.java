package instrumenttarget;

import io.autobot.optimizer.annotations.Cached;

/** A host class with a selected method, outside the packages the agent never looks into. */
public final class Annotated {

    private Annotated() {
    }

    @Cached
    public static Object square(Object n) {
        return n;
    }
}
