package io.autobot.optimizer.agent.instrument;

import io.autobot.optimizer.agent.call.MethodSignature;
import io.autobot.optimizer.agent.call.MethodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.annotation.AnnotationValue;
import net.bytebuddy.description.enumeration.EnumerationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Reads a method's contract annotations into a {@link MethodSpec}, by name and without loading
 * the annotation classes. An attribute that is absent from the class file takes the annotation's
 * documented default, which is repeated here. Both weavers read through here: Byte Buddy's from
 * its type description, the inline weaver from what {@link ClassOutline} read of the class file.
 */
final class AnnotationSpecReader {

    /**
     * One annotation's attributes as the class file writes them: a {@code String}, a boxed number
     * or {@code Boolean}, an enumeration constant's name, or for an array of classes the list of
     * their names; null when the class file leaves the attribute to its default.
     */
    interface Attributes {
        Object value(String property);
    }

    private AnnotationSpecReader() {
    }

    /** The spec of a method Byte Buddy describes. */
    static MethodSpec read(MethodDescription method) {
        TypeDescription type = method.getDeclaringType().asErasure();
        return read(name -> attributes(method, name), name -> siblings(type, name));
    }

    /**
     * The spec from a method's annotations.
     *
     * @param annotations a contract annotation's attributes by the annotation's name, or null when
     *     the method does not carry it
     * @param siblings the declaring class's methods of a name ({@code @Batched}'s {@code via})
     */
    static MethodSpec read(Function<String, Attributes> annotations,
            Function<String, List<MethodSignature>> siblings) {
        Attributes optimized = annotations.apply(AnnotationNames.OPTIMIZED);
        Attributes cached = annotations.apply(AnnotationNames.CACHED);
        Attributes parallel = annotations.apply(AnnotationNames.PARALLEL);
        Attributes rateLimited = annotations.apply(AnnotationNames.RATE_LIMITED);
        Attributes batched = annotations.apply(AnnotationNames.BATCHED);
        Attributes timeout = annotations.apply(AnnotationNames.TIMEOUT);
        return new MethodSpec(
                optimized == null ? null : string(optimized, "operation", ""),
                cached == null ? null : new MethodSpec.Cached(string(cached, "ttl", ""),
                        string(cached, "scope", "INSTANCE").toLowerCase(Locale.ROOT),
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
                        siblings.apply(string(batched, "via", ""))),
                timeout == null ? null : new MethodSpec.Timeout(string(timeout, "value", ""),
                        bool(timeout, "adaptive", false), string(timeout, "min", "100ms")));
    }

    /** {@code local} or {@code fleet}; empty for {@code DEFAULT} (the setting decides). */
    private static String limitScope(Attributes rateLimited) {
        String scope = string(rateLimited, "scope", "DEFAULT").toLowerCase(Locale.ROOT);
        return scope.equals("default") ? "" : scope;
    }

    /** The methods of the declaring class with this name, described without loading anything. */
    private static List<MethodSignature> siblings(TypeDescription type, String name) {
        List<MethodSignature> siblings = new ArrayList<>();
        for (MethodDescription.InDefinedShape candidate : type.getDeclaredMethods()) {
            if (candidate.isMethod() && candidate.getName().equals(name)) {
                siblings.add(OptimizerTransformer.signature(type, candidate));
            }
        }
        return List.copyOf(siblings);
    }

    private static Attributes attributes(MethodDescription method, String name) {
        for (AnnotationDescription annotation : method.getDeclaredAnnotations()) {
            if (annotation.getAnnotationType().getName().equals(name)) {
                return property -> written(annotation, property);
            }
        }
        return null;
    }

    /** The explicitly written value, in the form {@link Attributes} gives, or null. */
    private static Object written(AnnotationDescription annotation, String property) {
        Object value;
        try {
            AnnotationValue<?, ?> written = annotation.getValue(property);
            value = written == null ? null : written.resolve();
        } catch (RuntimeException notWrittenOrUnresolvable) {
            return null;
        }
        if (value instanceof EnumerationDescription constant) {
            return constant.getValue();
        }
        if (value instanceof TypeDescription[] types) {
            List<String> names = new ArrayList<>();
            for (TypeDescription type : types) {
                names.add(type.getName());
            }
            return names;
        }
        return value;
    }

    private static String string(Attributes annotation, String property, String fallback) {
        Object value = annotation.value(property);
        return value instanceof String ? (String) value : fallback;
    }

    private static int integer(Attributes annotation, String property, int fallback) {
        Object value = annotation.value(property);
        return value instanceof Integer ? (Integer) value : fallback;
    }

    private static double number(Attributes annotation, String property, double fallback) {
        Object value = annotation.value(property);
        return value instanceof Number ? ((Number) value).doubleValue() : fallback;
    }

    private static boolean bool(Attributes annotation, String property, boolean fallback) {
        Object value = annotation.value(property);
        return value instanceof Boolean ? (Boolean) value : fallback;
    }

    private static List<String> typeNames(Attributes annotation, String property) {
        Object value = annotation.value(property);
        List<String> names = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object name : list) {
                names.add(String.valueOf(name));
            }
        }
        return names;
    }
}
