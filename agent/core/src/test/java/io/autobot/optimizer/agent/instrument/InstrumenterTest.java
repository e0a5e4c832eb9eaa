package io.autobot.optimizer.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.cache.MemoryTier;
import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.call.FailOpen;
import io.autobot.optimizer.agent.config.CacheStrategy;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.engine.Engine;
import instrumenttarget.AlsoAnnotated;
import instrumenttarget.Annotated;
import instrumenttarget.Plain;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the instrumenter asks of the JVM, seen through an {@link Instrumentation} that records it:
 * which classes it retransforms on install, and that detach takes its transformer away before it
 * retransforms (with the transformer still there, retransformation would instrument again).
 */
class InstrumenterTest {

    /** Records the transformers registered and the classes retransformed, in order. */
    private static final class RecordingInstrumentation {
        final List<ClassFileTransformer> registered = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        final List<Class<?>> loaded = new ArrayList<>();
        Class<?> refused;

        Instrumentation proxy() {
            return (Instrumentation) Proxy.newProxyInstance(InstrumenterTest.class.getClassLoader(),
                    new Class<?>[] {Instrumentation.class}, (self, method, args) -> switch (method.getName()) {
                        case "addTransformer" -> {
                            registered.add((ClassFileTransformer) args[0]);
                            events.add("add");
                            yield null;
                        }
                        case "removeTransformer" -> {
                            events.add("remove");
                            yield registered.remove((ClassFileTransformer) args[0]);
                        }
                        case "retransformClasses" -> {
                            for (Object type : (Object[]) args[0]) {
                                if (type == refused) {
                                    throw new UnmodifiableClassException(((Class<?>) type).getName());
                                }
                                events.add("retransform " + ((Class<?>) type).getSimpleName());
                            }
                            yield null;
                        }
                        case "getAllLoadedClasses" -> loaded.toArray(new Class<?>[0]);
                        case "isModifiableClass", "isRetransformClassesSupported" -> true;
                        case "hashCode" -> System.identityHashCode(self);
                        case "equals" -> self == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private final RecordingInstrumentation jvm = new RecordingInstrumentation();
    private final Engine engine = new Engine(RuntimeSettings.defaults(),
            new ResultCache(new MemoryTier(100), CacheStrategy.MEMORY, null, new FailOpen()), List.of(), new FailOpen());

    private Instrumenter install() throws Exception {
        return Instrumenter.install(jvm.proxy(), engine, List.of(new AnnotationSelector()), null);
    }

    @Test
    void installRegistersOneTransformerAndRetransformsTheLoadedClassesWithSelectedMethodsOnly() throws Exception {
        jvm.loaded.addAll(List.of(Plain.class, Annotated.class, String.class, Annotated[].class));
        install();
        assertThat(jvm.registered).hasSize(1);
        assertThat(jvm.events).containsExactly("add", "retransform Annotated");
    }

    @Test
    void aClassThatCannotBeRetransformedDoesNotStopTheOthers() throws Exception {
        jvm.loaded.addAll(List.of(Annotated.class, AlsoAnnotated.class));
        jvm.refused = Annotated.class;
        install();
        assertThat(jvm.events).containsExactly("add", "retransform AlsoAnnotated");
    }

    @Test
    void resetTakesTheTransformerAwayBeforeItRetransforms() throws Exception {
        Instrumenter instrumenter = install();
        ClassFileTransformer installed = jvm.registered.get(0);
        jvm.events.clear();
        assertThat(instrumenter.reset()).as("nothing was instrumented: nothing to restore").isTrue();
        assertThat(jvm.events).containsExactly("remove");
        assertThat(jvm.registered).as("the transformer install added is gone").doesNotContain(installed).isEmpty();
    }
}
