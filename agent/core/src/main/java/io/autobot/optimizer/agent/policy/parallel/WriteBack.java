package io.autobot.optimizer.agent.policy.parallel;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.RandomAccess;
import java.util.function.IntPredicate;

/**
 * Copies what chunk bodies wrote into their chunks back into the caller's argument, once every
 * chunk has ended, so that a method working in place (squaring an array, {@code replaceAll} on a
 * list) leaves the argument as a sequential run would. A write is an element of a chunk that
 * differs from the element as cut ({@link Cut}); only those positions are written, an array run by
 * run, a list with {@code set}. Positions a body did not write are never touched, so a write that
 * another thread made to the argument during the call stays, as it would with a sequential run
 * that only read the element.
 *
 * <p>A chunk whose size changed, or an argument that refuses the writes (an unmodifiable list, a
 * set, which has no positions), means the method is not element-wise on this argument. The
 * argument is then left as it was before the call (writes already made are undone) and the reason
 * is returned, so that the call can run again whole.
 */
final class WriteBack {

    private WriteBack() {
    }

    /**
     * @param cut the argument's elements as cut into the chunks
     * @param chunks the chunks after their bodies ran (in the order of the cut)
     * @param count how many chunks, from the first, a sequential run reached (all, or up to the one that failed)
     * @return null when written back; otherwise why the method is not element-wise on this argument
     */
    static String apply(Object argument, Cut cut, Object[] chunks, int count) {
        if (argument.getClass().isArray()) {
            for (int i = 0; i < count; i++) {
                copyChanged(chunks[i], cut, i, argument);
            }
            return null;
        }
        for (int i = 0; i < count; i++) {
            if (((Collection<?>) chunks[i]).size() != cut.length(i)) {
                return "it added or removed elements of its argument, so it is not element-wise";
            }
        }
        if (argument instanceof List) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) argument;
            return writeList(list, cut, chunks, count);
        }
        return unchanged(cut, chunks, count) ? null : "it changed elements of its argument, a "
                + argument.getClass().getName() + ", which has no positions to write them back to";
    }

    /** Copies the runs of a chunk array's changed elements into the argument. */
    private static void copyChanged(Object chunk, Cut cut, int index, Object argument) {
        int start = cut.start(index);
        int length = Array.getLength(chunk);
        IntPredicate changed = ChangedElements.of(chunk, cut.elements(), start);
        for (int i = 0; i < length; i++) {
            if (changed.test(i)) {
                int end = i + 1;
                while (end < length && changed.test(end)) {
                    end++;
                }
                System.arraycopy(chunk, i, argument, start + i, end - i);
                i = end; // element end is unchanged, or the chunk's end
            }
        }
    }

    private static String writeList(List<Object> target, Cut cut, Object[] chunks, int count) {
        Object[] asCut = (Object[]) cut.elements();
        ListIterator<Object> cursor = target instanceof RandomAccess ? null : target.listIterator();
        List<Object> undo = null; // position, old element, position, old element...
        int position = 0;
        try {
            for (int i = 0; i < count; i++) {
                for (Object element : (Collection<?>) chunks[i]) {
                    Object current = cursor == null ? null : cursor.next(); // a sequential list is walked, not indexed
                    if (element != asCut[position]) {
                        Object old = cursor == null ? target.set(position, element) : current;
                        if (cursor != null) {
                            cursor.set(element);
                        }
                        undo = undo == null ? new ArrayList<>() : undo;
                        undo.add(position);
                        undo.add(old);
                    }
                    position++;
                }
            }
            return null;
        } catch (RuntimeException refused) {
            undo(target, undo);
            return "its argument, a " + target.getClass().getName() + ", refused the element writes of its chunks ("
                    + refused.getClass().getName() + ")";
        }
    }

    /** Puts the old elements back, as far as the list lets us. */
    private static void undo(List<Object> target, List<Object> undo) {
        if (undo == null) {
            return;
        }
        for (int i = 0; i < undo.size(); i += 2) {
            try {
                target.set((Integer) undo.get(i), undo.get(i + 1));
            } catch (RuntimeException e) {
                return;
            }
        }
    }

    /** For a collection without positions: whether every chunk still holds the elements as cut, in order. */
    private static boolean unchanged(Cut cut, Object[] chunks, int count) {
        Object[] asCut = (Object[]) cut.elements();
        int position = 0;
        for (int i = 0; i < count; i++) {
            for (Iterator<?> elements = ((Collection<?>) chunks[i]).iterator(); elements.hasNext(); position++) {
                if (elements.next() != asCut[position]) {
                    return false;
                }
            }
        }
        return true;
    }
}
