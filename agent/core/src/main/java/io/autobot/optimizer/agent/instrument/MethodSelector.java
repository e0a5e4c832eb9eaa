package io.autobot.optimizer.agent.instrument;

import io.autobot.optimizer.agent.call.MethodSpec;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Chooses the methods to optimize and says what each asks for: by annotations in the code, or by
 * rules for code that cannot be changed. Must not load classes.
 */
public interface MethodSelector {

    /**
     * Whether the class may contain selected methods, from its name and class file alone. This
     * runs for every class the JVM loads, before Byte Buddy parses anything, so it must be cheap;
     * a false positive only costs a parse.
     *
     * @param className the binary name, such as {@code com.example.Service}
     * @param classFile the class file bytes (do not modify)
     */
    boolean mayMatch(String className, byte[] classFile);

    /** The classes that may contain selected methods, as Byte Buddy matches them. */
    ElementMatcher<TypeDescription> types();

    /** What the method asks for, or null when it is not selected. */
    MethodSpec select(TypeDescription type, MethodDescription.InDefinedShape method);
}
