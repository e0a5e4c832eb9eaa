package io.autobot.optimizer.agent.instrument;

import io.autobot.optimizer.agent.call.MethodSpec;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

import java.nio.charset.StandardCharsets;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Selects the methods that carry one of the contract's annotations. */
public final class AnnotationSelector implements MethodSelector {

    /** The annotations' package as it appears in a class file's descriptors. */
    private static final byte[] PACKAGE = "Lio/autobot/optimizer/annotations/".getBytes(StandardCharsets.US_ASCII);

    @Override
    public boolean mayMatch(String className, byte[] classFile) {
        return ByteSearch.contains(classFile, PACKAGE);
    }

    @Override
    public ElementMatcher<TypeDescription> types() {
        return declaresMethod(Matchers.ANNOTATED);
    }

    @Override
    public MethodSpec select(TypeDescription type, MethodDescription.InDefinedShape method) {
        if (!Matchers.ANNOTATED.matches(method)) {
            return null;
        }
        MethodSpec spec = AnnotationSpecReader.read(method);
        return spec.isEmpty() ? null : spec;
    }

    /**
     * Byte Buddy's matcher, built when Byte Buddy's weaver first needs it: a host whose classes the
     * inline weaver serves never loads Byte Buddy's matchers.
     */
    private static final class Matchers {
        static final ElementMatcher<MethodDescription> ANNOTATED =
                isAnnotatedWith(namedOneOf(AnnotationNames.ALL.toArray(new String[0])));
    }
}
