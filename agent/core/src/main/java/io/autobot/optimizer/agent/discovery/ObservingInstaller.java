package io.autobot.optimizer.agent.discovery;

import static net.bytebuddy.matcher.ElementMatchers.hasDescriptor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the observing advice (Byte Buddy {@link Advice}, inlined, no class format change) into the
 * observed methods' classes by retransformation, and takes it
 * out again: the transformer is removed and the classes are retransformed without it. A recorder
 * that sits before it in the chain notes a digest of each class's code as it is without the
 * observing advice, before and after, so that the window can say whether every class got its code
 * back.
 */
final class ObservingInstaller {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final Instrumentation instrumentation;
    private final List<MethodObservation> methods;
    private final Recorder recorder = new Recorder();
    private final Map<String, String> before = new LinkedHashMap<>();
    private ClassFileTransformer transformer;
    private List<Class<?>> classes = List.of();

    ObservingInstaller(Instrumentation instrumentation, List<MethodObservation> methods) {
        this.instrumentation = instrumentation;
        this.methods = methods;
    }

    /** Installs the advice; returns the names of the classes changed. */
    List<String> install() {
        Map<String, List<Integer>> byClass = new LinkedHashMap<>();
        for (int id = 0; id < methods.size(); id++) {
            byClass.computeIfAbsent(methods.get(id).hot.className, k -> new ArrayList<>()).add(id);
        }
        classes = loaded(byClass.keySet());
        if (classes.isEmpty()) {
            return List.of();
        }
        instrumentation.addTransformer(recorder, true);
        transformer = new AdviceTransformer(byClass);
        instrumentation.addTransformer(transformer, true);
        recorder.arm(before);
        List<String> changed = retransform(classes, "could not observe {}; it runs unchanged: {}");
        recorder.arm(null);
        return changed;
    }

    /**
     * Retransforms the classes in one call: one safepoint and one pass over the compiled code's
     * dependencies for all of them, where a call per class would pay both per class. When that
     * call fails (one class refused), each class is retransformed alone so that the others still
     * are; returns the names of those retransformed.
     */
    private List<String> retransform(List<Class<?>> types, String failureMessage) {
        List<String> done = new ArrayList<>();
        try {
            instrumentation.retransformClasses(types.toArray(new Class<?>[0]));
            types.forEach(type -> done.add(type.getName()));
            return done;
        } catch (Throwable together) {
            LOG.debug("discovery: retransforming {} classes at once failed, one at a time: {}", types.size(),
                    together.toString());
        }
        for (Class<?> type : types) {
            try {
                instrumentation.retransformClasses(type);
                done.add(type.getName());
            } catch (Throwable failure) {
                LOG.warn("discovery " + failureMessage, type.getName(), failure.toString());
            }
        }
        return done;
    }

    /**
     * Removes the advice: the transformer first (classes loaded from now on are left alone), then
     * every changed class is retransformed without it.
     *
     * @return per class, whether its code is the code it had before the window (by digest)
     */
    Map<String, Boolean> remove() {
        Map<String, String> after = new HashMap<>();
        if (transformer != null) {
            instrumentation.removeTransformer(transformer);
        }
        recorder.arm(after);
        retransform(classes, "could not give {} its code back: {}");
        recorder.arm(null);
        instrumentation.removeTransformer(recorder);
        Map<String, Boolean> restored = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            String was = before.get(type.getName());
            restored.put(type.getName(), was != null && was.equals(after.get(type.getName())));
        }
        classes = List.of();
        return restored;
    }

    private List<Class<?>> loaded(Set<String> names) {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.getClassLoader() != null && names.contains(type.getName()) && !type.isArray()
                    && instrumentation.isModifiableClass(type) && seesProbe(type.getClassLoader())) {
                found.add(type);
            }
        }
        return found;
    }

    private static boolean seesProbe(ClassLoader loader) {
        try {
            return Class.forName("io.autobot.optimizer.bootstrap.Probe", false, loader)
                    == io.autobot.optimizer.bootstrap.Probe.class;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return false;
        }
    }

    /**
     * Adds the observing advice to the observed methods of a class being retransformed; any other
     * class, and any failure, leaves the class as it is. No class format change: inlined advice only.
     */
    private final class AdviceTransformer implements ClassFileTransformer {
        private final Map<String, List<Integer>> byClass;

        AdviceTransformer(Map<String, List<Integer>> byClass) {
            this.byClass = byClass;
        }

        @Override
        public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
                byte[] classFile) {
            if (internalName == null || redefined == null || loader == null) {
                return null;
            }
            String name = internalName.replace('/', '.');
            List<Integer> ids = byClass.get(name);
            if (ids == null) {
                return null;
            }
            try {
                ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile),
                        ClassFileLocator.ForClassLoader.of(loader));
                TypePool pool = TypePool.Default.of(locator);
                DynamicType.Builder<?> builder = new ByteBuddy()
                        .with(TypeValidation.DISABLED)
                        .with(Implementation.Context.Disabled.Factory.INSTANCE)
                        .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
                        .with(InstrumentedType.Factory.Default.FROZEN)
                        .redefine(pool.describe(name).resolve(), locator);
                for (Integer id : ids) {
                    MethodObservation method = methods.get(id);
                    ElementMatcher<MethodDescription> target = named(method.hot.name)
                            .and(hasDescriptor(method.hot.descriptor));
                    builder = builder.visit(Advice.withCustomMapping().bind(ProbeId.class, id).to(ObserveAdvice.class)
                            .on(target));
                }
                return builder.make().getBytes();
            } catch (Throwable failure) {
                LOG.warn("discovery could not observe {}; it runs unchanged: {}", name, failure.toString());
                return null;
            }
        }
    }

    /** Notes a digest of the class files it is shown while armed; never changes them. */
    private static final class Recorder implements ClassFileTransformer {
        private volatile Map<String, String> into;

        void arm(Map<String, String> digests) {
            into = digests == null ? null : digests;
        }

        @Override
        public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
                byte[] classFile) {
            Map<String, String> target = into;
            if (target != null && redefined != null && internalName != null) {
                try {
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(classFile);
                    synchronized (target) {
                        target.put(internalName.replace('/', '.'), HexFormat.of().formatHex(digest));
                    }
                } catch (NoSuchAlgorithmException | RuntimeException ignored) {
                    // no digest: the class is reported as not verified
                }
            }
            return null;
        }
    }
}
