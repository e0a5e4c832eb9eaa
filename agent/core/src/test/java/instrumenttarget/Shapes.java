package instrumenttarget;

import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Parallel;
import io.autobot.optimizer.annotations.RateLimited;
import io.autobot.optimizer.annotations.Timeout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Methods of every shape the inline weaver serves: each primitive return type and argument type,
 * receivers and static methods, several returns, loops, wide locals, the body's own handlers,
 * a synchronized block, checked and unchecked exceptions, generic and array types.
 */
public class Shapes {

    private static int finallyRuns;

    private final int base;

    public Shapes(int base) {
        this.base = base;
    }

    public Shapes() {
        this(7);
    }

    @Cached
    public static Object none() {
        return null;
    }

    @Cached
    public static int square(int n) {
        return n * n;
    }

    @Cached
    public long sum(long a, int b, double c) {
        long total = base + a + b;
        double rest = c;
        while (rest >= 1) {
            total++;
            rest--;
        }
        return total;
    }

    @Cached
    public static boolean even(Long n) {
        return n % 2 == 0;
    }

    @Cached
    public static char first(String s) {
        return s.charAt(0);
    }

    @Cached
    public static double half(double d) {
        return d / 2;
    }

    @Cached
    public static float third(float f) {
        return f / 3;
    }

    @Cached
    public static byte low(short s) {
        return (byte) s;
    }

    @Cached
    public static short widen(byte b, char c) {
        return (short) (b + c);
    }

    @Cached
    public static String[] split(String s) {
        return s.split(",");
    }

    @Cached
    public static int[] counts(int[] values, boolean reverse) {
        int[] copy = values.clone();
        if (reverse) {
            for (int i = 0; i < copy.length / 2; i++) {
                int swap = copy[i];
                copy[i] = copy[copy.length - 1 - i];
                copy[copy.length - 1 - i] = swap;
            }
        }
        return copy;
    }

    @Cached(scope = Cached.Scope.ARGUMENTS, ttl = "5m", identityKeys = true, storeByValue = false)
    public String branches(int n) {
        if (n < 0) {
            return "negative";
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            digits.append(i);
        }
        long wide = n * 3L;
        String text;
        try {
            text = Integer.toString(Integer.parseInt(digits.toString()) + base);
        } catch (NumberFormatException tooLong) {
            text = "overflow" + wide;
        }
        switch (n) {
            case 1:
                return "one:" + text;
            case 2:
                return "two:" + text;
            default:
                break;
        }
        return text;
    }

    @Cached
    public static int checked(int n) throws IOException {
        if (n > 0) {
            throw new IOException("checked " + n);
        }
        return -n;
    }

    @Cached
    public static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException notANumber) {
            return -1;
        } finally {
            finallyRuns++;
        }
    }

    @Cached
    public String locked(Object lock) {
        synchronized (lock) {
            return lock + "@" + base;
        }
    }

    @Cached
    public synchronized int counted(int n) {
        return n + base;
    }

    @Cached
    public static <T extends Comparable<T>> T max(T a, T b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Parallel
    public static List<Integer> doubled(List<Integer> values) {
        List<Integer> doubled = new ArrayList<>();
        for (int value : values) {
            doubled.add(value * 2);
        }
        return doubled;
    }

    @RateLimited(perSecond = 1000, retryOn = {IllegalStateException.class, IOException.class}, maxRetries = 2)
    @Timeout(value = "2s", adaptive = true)
    public static String remote(String query) {
        return "result:" + query;
    }

    @Cached
    public static Object thrower(RuntimeException failure) {
        throw failure;
    }

    /** Not selected: left as it is. */
    public static int plain(int n) {
        return n + 1;
    }

    public static int finallyRuns() {
        return finallyRuns;
    }
}
