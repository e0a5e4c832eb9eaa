package io.autobot.optimizer.agent.policy.parallel;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code @Parallel(distinct = true)}: list and array results without their repeated elements, the
 * first occurrence kept, in a result of the same kind where the merge knows it (an unmodifiable
 * list stays unmodifiable), else an {@code ArrayList}. A result without repeats is returned as it
 * is; other results (sets, maps, anything else) have none to remove.
 */
final class Distinct {

    private Distinct() {
    }

    static Object of(Object result) {
        if (result instanceof List) {
            return ofList((List<?>) result);
        }
        return result != null && result.getClass().isArray() ? ofArray(result) : result;
    }

    private static Object ofList(List<?> list) {
        LinkedHashSet<Object> unique = new LinkedHashSet<>(list);
        if (unique.size() == list.size()) {
            return list;
        }
        List<Object> elements = new ArrayList<>(unique);
        ResultKind kind = ResultKind.of(list);
        return kind != null && kind.isList() ? kind.merge(List.of(elements)) : elements;
    }

    private static Object ofArray(Object array) {
        int length = Array.getLength(array);
        Collection<Object> unique = new LinkedHashSet<>();
        for (int i = 0; i < length; i++) {
            unique.add(Array.get(array, i));
        }
        if (unique.size() == length) {
            return array;
        }
        Object distinct = Array.newInstance(array.getClass().getComponentType(), unique.size());
        int i = 0;
        for (Object element : unique) {
            Array.set(distinct, i++, element);
        }
        return distinct;
    }
}
