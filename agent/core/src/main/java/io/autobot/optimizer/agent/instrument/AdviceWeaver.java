package io.autobot.optimizer.agent.instrument;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.TypeResolutionStrategy;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Byte Buddy's weaver: describes a class from its class file, and when it may
 * hold a selected method decorates it with the advice the {@link OptimizerTransformer} adds, class
 * format unchanged (no new members, no type initializer), so it serves loading and retransformation
 * alike. It does what an {@code AgentBuilder} with {@code disableClassFormatChanges()} and the
 * decorating type strategy would, without building one: the agent builder's own set-up (its strategies, listeners and
 * injection machinery, none of which the agent used) cost about half of Byte Buddy's first
 * transformation, on the thread of the host's first class with a selected method.
 */
final class AdviceWeaver {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final ByteBuddy byteBuddy = new ByteBuddy().with(Implementation.Context.Disabled.Factory.INSTANCE);
    private final ElementMatcher<? super TypeDescription> types;
    private final OptimizerTransformer optimizer;
    private final ClassFileLocator bridgeClasses;

    AdviceWeaver(ElementMatcher<? super TypeDescription> types, OptimizerTransformer optimizer,
            ClassFileLocator bridgeClasses) {
        this.types = types;
        this.optimizer = optimizer;
        this.bridgeClasses = bridgeClasses;
    }

    /**
     * The class file with the advice added, or null when no method of the class is selected.
     * Throws when the class cannot be woven; the caller leaves it unchanged.
     */
    byte[] weave(ClassLoader loader, String name, byte[] classFile, boolean loaded) {
        // The class's own bytes first, then its loader's (for its super types), then the bridge's annotations.
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile),
                ClassFileLocator.ForClassLoader.of(loader), bridgeClasses);
        TypePool pool = new TypePool.Default.WithLazyResolution(TypePool.CacheProvider.Simple.withObjectType(),
                locator, TypePool.Default.ReaderMode.FAST);
        TypeDescription type = pool.describe(name).resolve();
        if (type.isSynthetic() || !types.matches(type)) {
            return null;
        }
        // Decoration: the class's members are kept as they are and only visited, so Byte Buddy builds no
        // method graph of the class's hierarchy (about 90 fewer of its classes than a frozen redefinition).
        DynamicType.Builder<?> original = byteBuddy.decorate(type, locator);
        DynamicType.Builder<?> woven = optimizer.transform(original, type, loader);
        if (woven == original) {
            return null;
        }
        byte[] changed = woven.make(TypeResolutionStrategy.Disabled.INSTANCE, pool).getBytes();
        LOG.debug("transformed {}{}", name, loaded ? " (retransformed)" : "");
        return changed;
    }
}
