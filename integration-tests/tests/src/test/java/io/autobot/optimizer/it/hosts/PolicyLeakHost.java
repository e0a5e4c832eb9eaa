package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Batched;
import io.autobot.optimizer.annotations.Parallel;
import io.autobot.optimizer.annotations.RateLimited;
import io.autobot.optimizer.annotations.Timeout;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * As {@link LoaderLeakHost}, with a plugin that uses every execution policy: worker threads,
 * resolved batch methods, rate limiters and the timeout watchdog must not pin its class loader.
 */
public class PolicyLeakHost {

    public static void main(String[] args) throws Exception {
        URL classes = PolicyLeakHost.class.getProtectionDomain().getCodeSource().getLocation();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        boolean correct = true;
        for (int round = 0; round < 5; round++) {
            URLClassLoader loader = new CachingHost.ChildFirstLoader(new URL[] {classes},
                    PolicyLeakHost.class.getClassLoader());
            Class<?> plugin = Class.forName(Plugin.class.getName(), true, loader);
            check(plugin.getClassLoader() == loader);
            Runnable use = (Runnable) plugin.getDeclaredConstructor().newInstance();
            use.run();
            correct &= plugin.getField("correct").getBoolean(null);
            loaders.add(new WeakReference<>(loader));
            loader.close();
        }
        for (int i = 0; i < 40 && loaders.stream().anyMatch(ref -> ref.get() != null); i++) {
            System.gc();
            Thread.sleep(50);
        }
        System.out.println("correct=" + correct);
        System.out.println("collected=" + loaders.stream().filter(ref -> ref.get() == null).count());
    }

    private static void check(boolean condition) {
        if (!condition) {
            throw new AssertionError("the plugin was not loaded by its own loader");
        }
    }

    /** Loaded child-first by a throwaway loader (its name ends with $Plugin). */
    public static class Plugin implements Runnable {
        public static boolean correct;

        @Parallel(threshold = 2)
        List<Integer> squares(List<Integer> values) {
            List<Integer> out = new ArrayList<>();
            values.forEach(v -> out.add(v * v));
            return out;
        }

        @Batched(via = "echoAll", size = 1)
        String echo(String text) {
            return text;
        }

        List<String> echoAll(List<String> texts) {
            return texts;
        }

        @RateLimited(perSecond = 10_000)
        int limited(int x) {
            return x + 1;
        }

        @Timeout("5s")
        int timed(int x) {
            return x * 2;
        }

        @Override
        public void run() {
            correct = squares(List.of(1, 2, 3, 4, 5, 6, 7, 8)).equals(List.of(1, 4, 9, 16, 25, 36, 49, 64))
                    && echo("e").equals("e") && limited(1) == 2 && timed(2) == 4;
        }
    }
}
