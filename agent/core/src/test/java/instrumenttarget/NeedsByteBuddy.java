package instrumenttarget;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.RateLimited;

/** A class with a method the inline weaver has no advice for: it goes to Byte Buddy whole. */
public final class NeedsByteBuddy {

    private NeedsByteBuddy() {
    }

    @Cached
    public static int inline(int n) {
        return n;
    }

    @RateLimited(perSecond = 10)
    public static void fireAndForget(String message) {
        message.length();
    }

    @Cached
    public static int fourArguments(int a, int b, int c, int d) {
        return a + b + c + d;
    }
}
