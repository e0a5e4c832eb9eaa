package io.autobot.optimizer.agent.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the observed classes are retransformed: all in one call, one at a time only when that fails. */
class ObservingInstallerTest {

    static final class First {
        int f(int x) {
            return x + 1;
        }
    }

    static final class Second {
        int g(int x) {
            return x * 2;
        }
    }

    /** An {@link Instrumentation} that notes each {@code retransformClasses} call and refuses {@code refused}. */
    private static Instrumentation recording(List<List<Class<?>>> calls, Class<?> refused) {
        return (Instrumentation) Proxy.newProxyInstance(Instrumentation.class.getClassLoader(),
                new Class<?>[] {Instrumentation.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAllLoadedClasses" -> new Class<?>[] {String.class, First.class, Second.class};
                    case "isModifiableClass", "removeTransformer" -> true;
                    case "retransformClasses" -> {
                        List<Class<?>> classes = Arrays.asList((Class<?>[]) args[0]);
                        calls.add(classes);
                        if (classes.contains(refused)) {
                            throw new UnmodifiableClassException(refused.getName());
                        }
                        yield null;
                    }
                    default -> null;
                });
    }

    private static List<MethodObservation> observed() {
        return List.of(new MethodObservation(new Sampler.Hot(First.class.getName(), "f", "(I)I", 0)),
                new MethodObservation(new Sampler.Hot(Second.class.getName(), "g", "(I)I", 0)));
    }

    @Test
    void retransformsEveryObservedClassInOneCallToPutTheAdviceInAndOneToTakeItOut() {
        List<List<Class<?>>> calls = new ArrayList<>();
        ObservingInstaller installer = new ObservingInstaller(recording(calls, null), observed());

        assertThat(installer.install()).containsExactly(First.class.getName(), Second.class.getName());
        installer.remove();

        assertThat(calls).containsExactly(List.of(First.class, Second.class), List.of(First.class, Second.class));
    }

    @Test
    void aClassThatCannotBeRetransformedLeavesTheOthersObserved() {
        List<List<Class<?>>> calls = new ArrayList<>();
        ObservingInstaller installer = new ObservingInstaller(recording(calls, Second.class), observed());

        assertThat(installer.install()).containsExactly(First.class.getName());

        assertThat(calls).containsExactly(List.of(First.class, Second.class), List.of(First.class),
                List.of(Second.class));
    }
}
