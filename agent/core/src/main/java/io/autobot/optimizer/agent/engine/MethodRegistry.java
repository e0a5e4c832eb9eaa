package io.autobot.optimizer.agent.engine;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSignature;
import io.autobot.optimizer.agent.call.MethodSpec;
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
    private volatile Route[] table = new Route[64];
    private int size;

    /** The method with this id, or null. */
    public MethodMeta get(int id) {
        Route route = route(id);
        return route == null ? null : route.method();
    }

    /** The method with this id and its pipeline, or null. */
    Route route(int id) {
        Route[] current = table;
        return id >= 0 && id < current.length ? current[id] : null;
    }

    /** Registers a method (or replaces what a previous transformation registered) and returns it. */
    public MethodMeta register(ClassLoader loader, MethodSignature signature, MethodSpec spec,
            String classFingerprint) {
        return add(loader, signature, spec, classFingerprint).method();
    }

    synchronized Route add(ClassLoader loader, MethodSignature signature, MethodSpec spec,
            String classFingerprint) {
        Map<String, Integer> ids = loader == null ? bootstrapIds
                : idsByLoader.computeIfAbsent(loader, l -> new HashMap<>());
        String key = signature.className() + "#" + signature.methodName() + signature.descriptor();
        Integer existing = ids.get(key);
        int id = existing != null ? existing : size++;
        ids.put(key, id);
        Route route = new Route(new MethodMeta(id, signature, spec, classFingerprint, loader));
        Route[] current = table;
        if (id >= current.length) {
            current = Arrays.copyOf(current, Math.max(id + 1, current.length * 2));
        } else {
            current = current.clone();
        }
        current[id] = route;
        table = current;
        return route;
    }

    /** Every registered method's route. */
    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Route route : table) {
            if (route != null) {
                routes.add(route);
            }
        }
        return routes;
    }

    /** Every registered method. */
    public List<MethodMeta> all() {
        List<MethodMeta> methods = new ArrayList<>();
        for (Route route : table) {
            if (route != null) {
                methods.add(route.method());
            }
        }
        return Collections.unmodifiableList(methods);
    }
}
