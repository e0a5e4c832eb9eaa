package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.instrument.MethodSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The table of instrumented methods, indexed by the id compiled into each method's advice. A
 * lookup is one array read; registration (at transform time) is rare and synchronized. A method
 * that is transformed again (retransformation, attach after detach) keeps its id.
 */
public final class MethodRegistry {

    private final Map<ClassLoader, Map<String, Integer>> idsByLoader = new WeakHashMap<>();
    private final Map<String, Integer> bootstrapIds = new HashMap<>();
    private volatile MethodMeta[] table = new MethodMeta[64];
    private int size;

    /** The method with this id, or null. */
    public MethodMeta get(int id) {
        MethodMeta[] current = table;
        return id >= 0 && id < current.length ? current[id] : null;
    }

    /** Registers a method (or replaces what a previous transformation registered) and returns it. */
    public synchronized MethodMeta register(ClassLoader loader, MethodSignature signature, MethodSpec spec,
            String classFingerprint) {
        Map<String, Integer> ids = loader == null ? bootstrapIds
                : idsByLoader.computeIfAbsent(loader, l -> new HashMap<>());
        String key = signature.className() + "#" + signature.methodName() + signature.descriptor();
        Integer existing = ids.get(key);
        int id = existing != null ? existing : size++;
        ids.put(key, id);
        MethodMeta meta = new MethodMeta(id, signature, spec, classFingerprint, loader);
        MethodMeta[] current = table;
        if (id >= current.length) {
            current = Arrays.copyOf(current, Math.max(id + 1, current.length * 2));
        } else {
            current = current.clone();
        }
        current[id] = meta;
        table = current;
        return meta;
    }

    /** Every registered method. */
    public List<MethodMeta> all() {
        List<MethodMeta> methods = new ArrayList<>();
        for (MethodMeta meta : table) {
            if (meta != null) {
                methods.add(meta);
            }
        }
        return Collections.unmodifiableList(methods);
    }
}
