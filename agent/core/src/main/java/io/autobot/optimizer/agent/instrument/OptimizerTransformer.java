package io.autobot.optimizer.agent.instrument;

import io.autobot.optimizer.agent.call.MethodSpec;
import static net.bytebuddy.matcher.ElementMatchers.is;

import io.autobot.optimizer.agent.call.ClassFingerprint;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.call.MethodSignature;
import io.autobot.optimizer.agent.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the call advice to each selected method of a class: registers the method with the engine
 * (which resolves everything it needs once, here) and binds the resulting id into the advice.
 * Methods that are not selected, or whose declaration is wrong, are left as they are.
 */
final class OptimizerTransformer {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final Engine engine;
    private final List<MethodSelector> selectors;
    private final List<MethodMeta> instrumented = new CopyOnWriteArrayList<>();
    private final BridgeVisibility bridge = new BridgeVisibility();

    OptimizerTransformer(Engine engine, List<MethodSelector> selectors) {
        this.engine = engine;
        this.selectors = List.copyOf(selectors);
    }

    /** The builder with the advice on each selected method; the same builder when none is. */
    DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader) {
        boolean selected = false;
        String fingerprint = null;
        for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
            if (!method.isMethod() || method.isAbstract() || method.isNative() || method.isBridge()) {
                continue;
            }
            MethodSpec spec = select(type, method);
            if (spec == null) {
                continue;
            }
            if (!selected) { // the first selected method: what holds for all of the class
                if (!admits(loader, type.getName())) {
                    return builder;
                }
                selected = true;
                fingerprint = ClassFingerprint.of(loader, type.getName());
            }
            MethodMeta meta = register(loader, signature(type, method), spec, fingerprint);
            if (meta != null) {
                builder = builder.visit(Advice.withCustomMapping().bind(MethodId.class, meta.id()).to(advice(method))
                        .on(is(method)));
            }
        }
        return builder;
    }

    /** Whether a class with a selected method may be woven: its loader must see the bridge. */
    boolean admits(ClassLoader loader, String className) {
        return bridge.sees(loader, className);
    }

    /**
     * Registers a selected method with the engine (which resolves everything it needs once, here).
     *
     * @return the method, or null when no policy applies to it (it is then left as it is)
     */
    MethodMeta register(ClassLoader loader, MethodSignature signature, MethodSpec spec, String fingerprint) {
        MethodMeta meta = engine.register(loader, signature, spec, fingerprint);
        if (engine.policiesOf(meta).isEmpty()) {
            return null;
        }
        instrumented.add(meta);
        LOG.debug("instrumented {} with {}", meta.qualifiedName(), engine.policiesOf(meta));
        return meta;
    }

    /**
     * A void method's advice, or for a method that returns a value the advice of its arity (no
     * argument array on a cache hit), or the general one (the arguments in one array).
     */
    private static Class<?> advice(MethodDescription.InDefinedShape method) {
        if (method.getReturnType().represents(void.class)) {
            return VoidAdvice.class;
        }
        Class<?> byArity = ArityAdvice.forArity(method.getParameters().size());
        return byArity != null ? byArity : ValueAdvice.class;
    }

    /** The methods instrumented so far (a method transformed twice appears twice). */
    List<MethodMeta> instrumented() {
        return instrumented;
    }

    private MethodSpec select(TypeDescription type, MethodDescription.InDefinedShape method) {
        for (MethodSelector selector : selectors) {
            MethodSpec spec = selector.select(type, method);
            if (spec != null) {
                return spec;
            }
        }
        return null;
    }

    static MethodSignature signature(TypeDescription type, MethodDescription.InDefinedShape method) {
        List<String> parameterTypes = new ArrayList<>();
        List<String> parameterNames = new ArrayList<>();
        for (ParameterDescription.InDefinedShape parameter : method.getParameters()) {
            parameterTypes.add(parameter.getType().asErasure().getName());
            parameterNames.add(parameter.getName());
        }
        return new MethodSignature(type.getName(), method.getName(), method.getDescriptor(),
                List.copyOf(parameterTypes), List.copyOf(parameterNames),
                method.getReturnType().asErasure().getName(), method.isStatic(), method.isSynchronized());
    }

}
