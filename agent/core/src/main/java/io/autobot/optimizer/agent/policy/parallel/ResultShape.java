package io.autobot.optimizer.agent.policy.parallel;

import java.util.Comparator;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * What chunk results must share to be merged into one result like a sequential run's: their
 * {@link ResultKind}, and for arrays the component type, for sorted sets and maps the class of the
 * comparator (the merge orders by the first chunk's comparator; none means natural order).
 *
 * @param kind how the results are merged
 * @param detail the component type, the comparator's class, or null
 */
record ResultShape(ResultKind kind, Class<?> detail) {

    /** The shape of a body that returned its own argument. */
    static final ResultShape ARGUMENT = new ResultShape(ResultKind.ARGUMENT, null);

    /** The shape of a whole call's result (not null), or null when no merge can rebuild its class. */
    static ResultShape learn(Object result, Object argument) {
        return result == argument ? ARGUMENT : of(result);
    }

    /** The shape of a result (not null), or null when no merge can rebuild its class. */
    static ResultShape of(Object result) {
        ResultKind kind = ResultKind.of(result);
        return kind == null ? null : new ResultShape(kind, detail(result));
    }

    private static Class<?> detail(Object result) {
        if (result.getClass().isArray()) {
            return result.getClass().getComponentType();
        }
        Comparator<?> comparator = result instanceof SortedSet ? ((SortedSet<?>) result).comparator()
                : result instanceof SortedMap ? ((SortedMap<?, ?>) result).comparator() : null;
        return comparator == null ? null : comparator.getClass();
    }
}
