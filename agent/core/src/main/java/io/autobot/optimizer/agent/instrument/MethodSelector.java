package io.autobot.optimizer.agent.instrument;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Chooses the methods to optimize and says what each asks for: by annotations in the code, or by
 * rules for code that cannot be changed. Must not load classes.
 */
public interface MethodSelector {

    /** The classes that may contain selected methods; a cheap pre-filter run at every class load. */
    ElementMatcher<TypeDescription> types();

    /** What the method asks for, or null when it is not selected. */
    MethodSpec select(TypeDescription type, MethodDescription.InDefinedShape method);
}
