package io.autobot.optimizer.agent.policy;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.RandomAccess;

/**
 * Copies what chunk bodies wrote into their chunks back into the caller's argument, once every
 * chunk has ended, so that a method working in place (squaring an array, {@code replaceAll} on a
 * list) leaves the argument as a sequential run would. Arrays are copied back range by range; a
 * list gets {@code set} only where a chunk's element is no longer the same object.
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
     * @param count how many chunks, from the first, a sequential run reached (all, or up to the one that failed)
     * @return null when written back; otherwise why the method is not element-wise on this argument
     */
    static String apply(Object argument, Object[] chunks, int count) {
        if (argument.getClass().isArray()) {
            copyArrays(argument, chunks, count);
            return null;
        }
        Collection<?> target = (Collection<?>) argument;
        int size = target.size();
        for (int i = 0; i < count; i++) {
            if (((Collection<?>) chunks[i]).size() != Splittable.chunkLength(size, chunks.length, i)) {
                return "it added or removed elements of its argument, so it is not element-wise";
            }
        }
        if (target instanceof List) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) target;
            return writeList(list, chunks, count);
        }
        return unchanged(target, chunks, count) ? null : "it changed elements of its argument, a "
                + target.getClass().getName() + ", which has no positions to write them back to";
    }

    private static void copyArrays(Object argument, Object[] chunks, int count) {
        int length = Array.getLength(argument);
        for (int i = 0; i < count; i++) {
            System.arraycopy(chunks[i], 0, argument, Splittable.chunkStart(length, chunks.length, i),
                    Splittable.chunkLength(length, chunks.length, i));
        }
    }

    private static String writeList(List<Object> target, Object[] chunks, int count) {
        ListIterator<Object> cursor = target instanceof RandomAccess ? null : target.listIterator();
        List<Object> undo = null; // position, old element, position, old element...
        int position = 0;
        try {
            for (int i = 0; i < count; i++) {
                for (Object element : (Collection<?>) chunks[i]) {
                    Object current = cursor == null ? target.get(position) : cursor.next();
                    if (current != element) {
                        if (cursor == null) {
                            target.set(position, element);
                        } else {
                            cursor.set(element);
                        }
                        undo = undo == null ? new ArrayList<>() : undo;
                        undo.add(position);
                        undo.add(current);
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

    /** For a collection without positions: whether every chunk still holds the argument's elements, in order. */
    private static boolean unchanged(Collection<?> target, Object[] chunks, int count) {
        Iterator<?> original = target.iterator();
        for (int i = 0; i < count; i++) {
            for (Object element : (Collection<?>) chunks[i]) {
                if (original.next() != element) {
                    return false;
                }
            }
        }
        return true;
    }
}
