package io.autobot.optimizer.agent.cache.disk;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSignature;
import io.autobot.optimizer.agent.call.MethodSpec;
import io.autobot.optimizer.agent.engine.MethodRegistry;
import java.util.List;

/** Method metadata for disk-tier tests: the same class, method and fingerprint give the same stable id. */
final class DiskMethods {

    private DiskMethods() {
    }

    /** A {@code @Cached static Object method(Object)} of {@code className} whose class bytes hash to {@code fingerprint}. */
    static MethodMeta method(String className, String method, String fingerprint) {
        return register(className, method, fingerprint, true);
    }

    /** The same for an instance method {@code Object method(Object)}. */
    static MethodMeta instanceMethod(String className, String method, String fingerprint) {
        return register(className, method, fingerprint, false);
    }

    /** An instance method that keeps identity keys ({@code @Cached(identityKeys = true)}). */
    static MethodMeta identityKeyed(String className, String method, String fingerprint) {
        return register(className, method, fingerprint, false,
                new MethodSpec.Cached("", MethodSpec.Cached.INSTANCE, true, true, ""));
    }

    private static MethodMeta register(String className, String method, String fingerprint, boolean isStatic) {
        return register(className, method, fingerprint, isStatic, new MethodSpec.Cached(""));
    }

    private static MethodMeta register(String className, String method, String fingerprint, boolean isStatic,
            MethodSpec.Cached cached) {
        MethodSignature signature = new MethodSignature(className, method, "(Ljava/lang/Object;)Ljava/lang/Object;",
                List.of("java.lang.Object"), List.of("arg0"), "java.lang.Object", isStatic);
        MethodSpec spec = new MethodSpec("op-" + method, cached, null, null, null, null);
        return new MethodRegistry().register(DiskMethods.class.getClassLoader(), signature, spec, fingerprint);
    }
}
