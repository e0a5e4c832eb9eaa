package instrumenttarget;

import io.autobot.optimizer.annotations.Cached;

/** Another host class with a selected method. */
public final class AlsoAnnotated {

    private AlsoAnnotated() {
    }

    @Cached
    public static Object cube(Object n) {
        return n;
    }
}
