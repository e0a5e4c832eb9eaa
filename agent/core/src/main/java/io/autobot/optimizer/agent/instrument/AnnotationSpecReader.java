package io.autobot.optimizer.agent.instrument;

import io.autobot.optimizer.agent.call.MethodSignature;
import io.autobot.optimizer.agent.call.MethodSpec;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.annotation.AnnotationList;
import net.bytebuddy.description.annotation.AnnotationValue;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Reads a method's contract annotations into a {@link MethodSpec}, by name and without loading
 * the annotation classes. An attribute that is absent from the class file takes the annotation's
 * documented default, which is repeated here.
 */
final class AnnotationSpecReader {

    private AnnotationSpecReader() {
    }

    static MethodSpec read(MethodDescription method) {
        AnnotationList annotations = method.getDeclaredAnnotations();
        AnnotationDescription optimized = find(annotations, AnnotationNames.OPTIMIZED);
        AnnotationDescription cached = find(annotations, AnnotationNames.CACHED);
        AnnotationDescription parallel = find(annotations, AnnotationNames.PARALLEL);
        AnnotationDescription rateLimited = find(annotations, AnnotationNames.RATE_LIMITED);
        AnnotationDescription batched = find(annotations, AnnotationNames.BATCHED);
        AnnotationDescription timeout = find(annotations, AnnotationNames.TIMEOUT);
        return new MethodSpec(
                optimized == null ? null : string(optimized, "operation", ""),
                cached == null ? null : new MethodSpec.Cached(string(cached, "ttl", ""),
                        enumeration(cached, "scope", "INSTANCE").toLowerCase(java.util.Locale.ROOT),
                        bool(cached, "identityKeys", false), bool(cached, "storeByValue", true),
                        string(cached, "verify", "")),
                parallel == null ? null : new MethodSpec.Parallel(integer(parallel, "threshold", 0),
                        string(parallel, "argument", ""), bool(parallel, "distinct", false)),
                rateLimited == null ? null : new MethodSpec.RateLimited(number(rateLimited, "perSecond", 0),
                        string(rateLimited, "name", ""), string(rateLimited, "maxWait", "5s"),
                        typeNames(rateLimited, "retryOn"), integer(rateLimited, "maxRetries", 3),
                        string(rateLimited, "backoff", "100ms"), limitScope(rateLimited)),
                batched == null ? null : new MethodSpec.Batched(string(batched, "via", ""),
                        integer(batched, "size", 0), string(batched, "maxWait", ""),
                        siblings(method, string(batched, "via", ""))),
                timeout == null ? null : new MethodSpec.Timeout(string(timeout, "value", ""),
                        bool(timeout, "adaptive", false), string(timeout, "min", "100ms")));
    }

    /** {@code local} or {@code fleet}; empty for {@code DEFAULT} (the setting decides). */
    private static String limitScope(AnnotationDescription rateLimited) {
        String scope = enumeration(rateLimited, "scope", "DEFAULT").toLowerCase(java.util.Locale.ROOT);
        return scope.equals("default") ? "" : scope;
    }

    /** The methods of the declaring class with this name, described without loading anything. */
    private static List<MethodSignature> siblings(MethodDescription method, String name) {
        TypeDescription type = method.getDeclaringType().asErasure();
        List<MethodSignature> siblings = new ArrayList<>();
        for (MethodDescription.InDefinedShape candidate : type.getDeclaredMethods()) {
            if (candidate.isMethod() && candidate.getName().equals(name)) {
                siblings.add(OptimizerTransformer.signature(type, candidate));
            }
        }
        return List.copyOf(siblings);
    }

    private static AnnotationDescription find(AnnotationList annotations, String name) {
        for (AnnotationDescription annotation : annotations) {
            if (annotation.getAnnotationType().getName().equals(name)) {
                return annotation;
            }
        }
        return null;
    }

    /** The explicitly written value, or null when the class file leaves it to the default. */
    private static Object value(AnnotationDescription annotation, String property) {
        try {
            AnnotationValue<?, ?> value = annotation.getValue(property);
            return value == null ? null : value.resolve();
        } catch (RuntimeException notWrittenOrUnresolvable) {
            return null;
        }
    }

    private static String string(AnnotationDescription annotation, String property, String fallback) {
        Object value = value(annotation, property);
        return value instanceof String ? (String) value : fallback;
    }

    private static String enumeration(AnnotationDescription annotation, String property, String fallback) {
        Object value = value(annotation, property);
        return value instanceof net.bytebuddy.description.enumeration.EnumerationDescription constant
                ? constant.getValue() : fallback;
    }

    private static int integer(AnnotationDescription annotation, String property, int fallback) {
        Object value = value(annotation, property);
        return value instanceof Integer ? (Integer) value : fallback;
    }

    private static double number(AnnotationDescription annotation, String property, double fallback) {
        Object value = value(annotation, property);
        return value instanceof Number ? ((Number) value).doubleValue() : fallback;
    }

    private static boolean bool(AnnotationDescription annotation, String property, boolean fallback) {
        Object value = value(annotation, property);
        return value instanceof Boolean ? (Boolean) value : fallback;
    }

    private static List<String> typeNames(AnnotationDescription annotation, String property) {
        Object value = value(annotation, property);
        List<String> names = new ArrayList<>();
        if (value instanceof TypeDescription[]) {
            for (TypeDescription type : (TypeDescription[]) value) {
                names.add(type.getName());
            }
        }
        return names;
    }
}
