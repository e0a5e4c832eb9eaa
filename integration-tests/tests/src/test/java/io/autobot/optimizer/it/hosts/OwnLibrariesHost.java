package io.autobot.optimizer.it.hosts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.autobot.optimizer.annotations.Cached;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * A host that ships its own, older Caffeine (2.x) and Byte Buddy (1.14) and uses both while the
 * agent (with its relocated copies) optimizes one of its methods.
 */
public class OwnLibrariesHost {

    private static final AtomicInteger RUNS = new AtomicInteger();

    @Cached
    static String describe(String name) {
        RUNS.incrementAndGet();
        return "component " + name;
    }

    private static String jarOf(Class<?> type) {
        String path = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public static void main(String[] args) throws Exception {
        Cache<String, Integer> cache = Caffeine.newBuilder().maximumSize(10).build();
        cache.put("k", 1);
        System.out.println("caffeine.jar=" + jarOf(Caffeine.class));
        System.out.println("caffeine.works=" + (cache.getIfPresent("k") == 1));

        Class<?> dynamic = new ByteBuddy().subclass(Object.class)
                .method(ElementMatchers.named("toString")).intercept(FixedValue.value("made by the host"))
                .make().load(OwnLibrariesHost.class.getClassLoader()).getLoaded();
        System.out.println("bytebuddy.jar=" + jarOf(ByteBuddy.class));
        System.out.println("bytebuddy.works="
                + dynamic.getDeclaredConstructor().newInstance().toString().equals("made by the host"));

        boolean correct = true;
        for (int i = 0; i < 3; i++) {
            correct &= describe("parser").equals("component parser");
        }
        System.out.println("correct=" + correct);
        System.out.println("runs=" + RUNS.get());
    }
}
