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

    private static final ElementMatcher<MethodDescription> ANNOTATED =
            isAnnotatedWith(namedOneOf(AnnotationNames.ALL.toArray(new String[0])));

    /** The annotations' package as it appears in a class file's descriptors. */
    private static final byte[] PACKAGE = "Lio/autobot/optimizer/annotations/".getBytes(StandardCharsets.US_ASCII);

    @Override
    public boolean mayMatch(String className, byte[] classFile) {
        return ByteSearch.contains(classFile, PACKAGE);
    }

    @Override
    public ElementMatcher<TypeDescription> types() {
        return declaresMethod(ANNOTATED);
    }

    @Override
    public MethodSpec select(TypeDescription type, MethodDescription.InDefinedShape method) {
        if (!ANNOTATED.matches(method)) {
            return null;
        }
        MethodSpec spec = AnnotationSpecReader.read(method);
        return spec.isEmpty() ? null : spec;
    }
}
