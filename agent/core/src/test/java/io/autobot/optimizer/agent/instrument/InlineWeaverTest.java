package io.autobot.optimizer.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.cache.MemoryTier;
import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.call.FailOpen;
import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.config.CacheStrategy;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.engine.Engine;
import io.autobot.optimizer.bootstrap.CallHandler;
import io.autobot.optimizer.bootstrap.Dispatcher;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The inline weaver against Byte Buddy's on the same class files: it selects and registers the
 * same methods with the same specs, and the code it writes makes the same calls to the bridge in
 * the same order, with the same values, and gives each caller the same result or exception, in
 * every path of the advice (a hit, a value the agent provides, a body that returns or throws).
 * The woven classes are loaded, so the JVM's verifier checks every frame.
 */
class InlineWeaverTest {

    private static final String SHAPES = "instrumenttarget.Shapes";

    private final Engine engine = new Engine(RuntimeSettings.defaults(),
            new ResultCache(new MemoryTier(100), CacheStrategy.MEMORY, null, new FailOpen()), List.of(), new FailOpen());
    private final OptimizerTransformer inlineSide = new OptimizerTransformer(engine, List.of(new AnnotationSelector()));
    private final OptimizerTransformer byteBuddySide = new OptimizerTransformer(engine,
            List.of(new AnnotationSelector()));
    private final InlineWeaver inline = new InlineWeaver(inlineSide);
    private final AdviceWeaver byteBuddy = new AdviceWeaver(new AnnotationSelector().types(), byteBuddySide,
            ClassFileLocator.ForClassLoader.of(AnnotationNames.class.getClassLoader()));
    private final ClassLoader loader = InlineWeaverTest.class.getClassLoader();

    @AfterEach
    void bridgeReset() {
        Dispatcher.reset();
    }

    @Test
    void selectsAndRegistersWhatByteBuddysWeaverDoes() throws Exception {
        byte[] classFile = classFile(SHAPES);

        assertThat(inline.weave(loader, classFile, false)).isNotNull().isNotSameAs(InlineWeaver.BY_BYTE_BUDDY);
        assertThat(byteBuddy.weave(loader, SHAPES, classFile, false)).isNotNull();

        // @Parallel and @RateLimited take no policy at the default settings: neither side weaves them.
        assertThat(described(inlineSide)).hasSize(18).isEqualTo(described(byteBuddySide));
        assertThat(described(inlineSide)).anySatisfy(method -> assertThat(method)
                .contains("branches", "arguments", "5m").contains("identityKeys=true"));
    }

    @Test
    void aClassWithAMethodItHasNoAdviceForGoesToByteBuddyWholeAndNothingIsRegistered() throws Exception {
        assertThat(inline.weave(loader, classFile("instrumenttarget.NeedsByteBuddy"), false))
                .isSameAs(InlineWeaver.BY_BYTE_BUDDY);
        assertThat(inlineSide.instrumented()).isEmpty();
    }

    @Test
    void aReturnInsideOneOfTheMethodsOwnHandlerRangesGoesToByteBuddy() {
        // javac ends a handler's range before a return; other compilers need not, and the exit call
        // written at such a return would be covered by the body's handler
        assertThat(inline.weave(loader, generated(Opcodes.V17, true), false)).isSameAs(InlineWeaver.BY_BYTE_BUDDY);
        assertThat(inline.weave(loader, generated(Opcodes.V17, false), false))
                .isNotNull().isNotSameAs(InlineWeaver.BY_BYTE_BUDDY);
    }

    @Test
    void aClassFileOlderThanJava7GoesToByteBuddy() {
        assertThat(inline.weave(loader, generated(Opcodes.V1_6, false), false)).isSameAs(InlineWeaver.BY_BYTE_BUDDY);
        assertThat(inlineSide.instrumented()).isEmpty();
    }

    /** {@code @Cached static int echo(int n) { try { return n; } catch (RuntimeException e) { return -1; } }}. */
    private static byte[] generated(int version, boolean returnInsideTheRange) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        writer.visit(version, Opcodes.ACC_PUBLIC, "instrumenttarget/Generated", null, "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "echo", "(I)I", null, null);
        method.visitAnnotation("Lio/autobot/optimizer/annotations/Cached;", true).visitEnd();
        method.visitCode();
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        method.visitTryCatchBlock(start, end, handler, "java/lang/RuntimeException");
        method.visitLabel(start);
        method.visitVarInsn(Opcodes.ILOAD, 0);
        if (returnInsideTheRange) {
            method.visitInsn(Opcodes.IRETURN);
            method.visitLabel(end);
        } else {
            method.visitLabel(end);
            method.visitInsn(Opcodes.IRETURN);
        }
        method.visitLabel(handler);
        method.visitInsn(Opcodes.POP);
        method.visitInsn(Opcodes.ICONST_M1);
        method.visitInsn(Opcodes.IRETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    @Test
    void aClassWithoutASelectedMethodIsLeftAsItIs() throws Exception {
        assertThat(inline.weave(loader, classFile("instrumenttarget.Plain"), false)).isNull();
        assertThat(inlineSide.instrumented()).isEmpty();
    }

    @Test
    void theTransformerLeavesAClassFileThatCannotBeWovenUnchangedWithoutAnException() {
        PrefilteringTransformer transformer = new PrefilteringTransformer(List.of(new AnnotationSelector()), inline,
                () -> byteBuddy);
        byte[] broken = ("\u00ca\u00fe\u00ba\u00be broken Lio/autobot/optimizer/annotations/Cached;")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(transformer.transform(loader, "instrumenttarget/Broken", null, null, broken)).isNull();
    }

    @Test
    void whenTheBodyRunsBothCallTheBridgeAlikeAndReturnOrThrowWhatTheBodyDoes() throws Throwable {
        Woven woven = weaveBoth();
        Recorder recorder = new Recorder(method -> null, method -> null);
        Dispatcher.install(recorder);

        for (Call call : calls()) {
            String fromInline = call.on(woven.inline, recorder);
            String fromByteBuddy = call.on(woven.byteBuddy, recorder);
            Dispatcher.reset();
            String plain = call.on(woven.original, recorder);
            Dispatcher.install(recorder);
            assertThat(fromInline).as(call.name).isEqualTo(fromByteBuddy);
            assertThat(outcome(fromInline)).as(call.name + ": the body's own outcome").isEqualTo(outcome(plain));
        }
    }

    @Test
    void aHitIsReturnedWithoutRunningTheBody() throws Throwable {
        Woven woven = weaveBoth();
        Recorder recorder = new Recorder(Answers::forType, method -> null);
        Dispatcher.install(recorder);

        for (Call call : calls()) {
            assertThat(call.on(woven.inline, recorder)).as(call.name).isEqualTo(call.on(woven.byteBuddy, recorder))
                    .doesNotContain("exit(");
        }
    }

    @Test
    void aValueTheAgentProvidesOnEntryIsReturnedWithoutRunningTheBody() throws Throwable {
        Woven woven = weaveBoth();
        Recorder recorder = new Recorder(method -> null, Answers::forType);
        Dispatcher.install(recorder);

        for (Call call : woven(calls())) {
            assertThat(call.on(woven.inline, recorder)).as(call.name).isEqualTo(call.on(woven.byteBuddy, recorder))
                    .contains("enter(").doesNotContain("exit(");
        }
    }

    @Test
    void anExceptionTheAgentThrowsOnEntryReachesTheCallerAsIs() throws Throwable {
        Woven woven = weaveBoth();
        Recorder recorder = new Recorder(method -> null, method -> {
            throw new IllegalStateException("rate limit for " + method);
        });
        Dispatcher.install(recorder);

        for (Call call : woven(calls())) {
            assertThat(call.on(woven.inline, recorder)).as(call.name).isEqualTo(call.on(woven.byteBuddy, recorder))
                    .contains("threw java.lang.IllegalStateException: rate limit");
        }
    }

    // ---- the two weaves

    private record Woven(Class<?> inline, Class<?> byteBuddy, Class<?> original) {
    }

    private Woven weaveBoth() throws Exception {
        byte[] classFile = classFile(SHAPES);
        byte[] inlined = inline.weave(loader, classFile, false);
        byte[] byByteBuddy = byteBuddy.weave(loader, SHAPES, classFile, false);
        return new Woven(new OneClassLoader(inlined).loadClass(SHAPES), new OneClassLoader(byByteBuddy).loadClass(SHAPES),
                new OneClassLoader(classFile).loadClass(SHAPES));
    }

    /** Defines one class from the given bytes, everything else from the test's loader. */
    private static final class OneClassLoader extends ClassLoader {
        private final byte[] classFile;

        OneClassLoader(byte[] classFile) {
            super(InlineWeaverTest.class.getClassLoader());
            this.classFile = classFile;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (!name.equals(SHAPES)) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineClass(name, classFile, 0, classFile.length);
            }
        }
    }

    /** The registered methods, each as its signature and spec, in registration order. */
    private static List<String> described(OptimizerTransformer side) {
        return side.instrumented().stream().map(InlineWeaverTest::describe).collect(Collectors.toList());
    }

    private static String describe(MethodMeta method) {
        return method.qualifiedName() + " " + method.descriptor() + " " + method.parameterNames() + " "
                + method.returnType() + " static=" + method.isStatic() + " synchronized=" + method.isSynchronized()
                + " " + method.spec();
    }

    // ---- the calls, each run on a class and described with what the bridge saw

    private record Call(String name, Object[] args) {

        String on(Class<?> type, Recorder recorder) throws Exception {
            Method method = Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name))
                    .findFirst().orElseThrow();
            Object receiver = Modifier.isStatic(method.getModifiers()) ? null
                    : type.getConstructor(int.class).newInstance(5);
            recorder.events.clear();
            String outcome;
            try {
                outcome = "returned " + Answers.show(method.invoke(receiver, args));
            } catch (InvocationTargetException thrown) {
                outcome = "threw " + thrown.getCause();
            }
            return String.join(" ", recorder.events) + " => " + outcome;
        }
    }

    private static String outcome(String described) {
        return described.substring(described.indexOf("=> "));
    }

    private static List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("none", new Object[0]));
        calls.add(new Call("square", new Object[] {12}));
        calls.add(new Call("sum", new Object[] {3L, 4, 2.5}));
        calls.add(new Call("even", new Object[] {6L}));
        calls.add(new Call("first", new Object[] {"xyz"}));
        calls.add(new Call("first", new Object[] {""}));
        calls.add(new Call("half", new Object[] {5.0}));
        calls.add(new Call("third", new Object[] {9f}));
        calls.add(new Call("low", new Object[] {(short) 300}));
        calls.add(new Call("widen", new Object[] {(byte) 2, 'a'}));
        calls.add(new Call("split", new Object[] {"a,b"}));
        calls.add(new Call("counts", new Object[] {new int[] {1, 2, 3}, true}));
        for (int n : new int[] {-1, 0, 1, 2, 3, 12}) {
            calls.add(new Call("branches", new Object[] {n}));
        }
        calls.add(new Call("checked", new Object[] {0}));
        calls.add(new Call("checked", new Object[] {4}));
        calls.add(new Call("parse", new Object[] {"42"}));
        calls.add(new Call("parse", new Object[] {"x"}));
        calls.add(new Call("locked", new Object[] {"lock"}));
        calls.add(new Call("counted", new Object[] {1}));
        calls.add(new Call("max", new Object[] {"a", "b"}));
        calls.add(new Call("doubled", new Object[] {List.of(1, 2)}));
        calls.add(new Call("remote", new Object[] {"q"}));
        calls.add(new Call("thrower", new Object[] {new UnsupportedOperationException("as thrown")}));
        calls.add(new Call("plain", new Object[] {1}));
        return calls;
    }

    /** The calls of methods either side wove. */
    private List<Call> woven(List<Call> calls) {
        List<String> names = inlineSide.instrumented().stream().map(MethodMeta::methodName).toList();
        assertThat(names).isNotEmpty();
        return calls.stream().filter(call -> names.contains(call.name)).toList();
    }

    /** Values the recorder answers with, of each method's return type. */
    private static final class Answers {

        private static final Map<String, Object> BY_METHOD = Map.ofEntries(Map.entry("none", Dispatcher.NULL),
                Map.entry("square", 1), Map.entry("sum", 2L), Map.entry("even", Boolean.TRUE),
                Map.entry("first", 'q'), Map.entry("half", 0.5), Map.entry("third", 0.25f),
                Map.entry("low", (byte) 9), Map.entry("widen", (short) 10), Map.entry("split", new String[] {"s"}),
                Map.entry("counts", new int[] {9}), Map.entry("branches", "cached"), Map.entry("checked", 11),
                Map.entry("parse", 12), Map.entry("locked", "cached lock"), Map.entry("counted", 13),
                Map.entry("max", "z"), Map.entry("doubled", List.of(0)), Map.entry("remote", "cached remote"),
                Map.entry("thrower", "cached"));

        static Object forType(String method) {
            return BY_METHOD.get(method);
        }

        static String show(Object value) {
            if (value instanceof Object[] array) {
                return Arrays.deepToString(array);
            }
            if (value instanceof int[] array) {
                return Arrays.toString(array);
            }
            return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
        }
    }

    /** A bridge handler that records each call and answers as told, by the method's name. */
    private final class Recorder implements CallHandler {

        final List<String> events = new ArrayList<>();
        private final Function<String, Object> hits;
        private final Function<String, Object> entries;

        Recorder(Function<String, Object> hits, Function<String, Object> entries) {
            this.hits = hits;
            this.entries = entries;
        }

        private String name(int methodId) {
            for (OptimizerTransformer side : List.of(inlineSide, byteBuddySide)) {
                for (MethodMeta method : side.instrumented()) {
                    if (method.id() == methodId) {
                        return method.methodName();
                    }
                }
            }
            return "unknown " + methodId;
        }

        private static String self(Object self) {
            return self == null ? "static" : "receiver of " + self.getClass().getName();
        }

        @Override
        public Object enter(int methodId, Class<?> declaringType, Object self, Object[] args) {
            String name = name(methodId);
            events.add("enter(" + name + ", " + declaringType.getName() + ", " + self(self) + ", "
                    + Answers.show(args) + ")");
            return entries.apply(name);
        }

        private Object hit(int methodId, Object self, Object... args) {
            String name = name(methodId);
            events.add("hit(" + name + ", " + self(self) + ", " + Answers.show(args) + ")");
            return hits.apply(name);
        }

        @Override
        public Object hit0(int methodId, Object self) {
            return hit(methodId, self);
        }

        @Override
        public Object hit1(int methodId, Object self, Object arg0) {
            return hit(methodId, self, arg0);
        }

        @Override
        public Object hit2(int methodId, Object self, Object arg0, Object arg1) {
            return hit(methodId, self, arg0, arg1);
        }

        @Override
        public Object hit3(int methodId, Object self, Object arg0, Object arg1, Object arg2) {
            return hit(methodId, self, arg0, arg1, arg2);
        }

        @Override
        public void exit(int methodId, Object[] frame, Object returned, Throwable thrown) {
            events.add("exit(" + name(methodId) + ", " + Answers.show(frame) + ", " + Answers.show(returned) + ", "
                    + thrown + ")");
        }
    }

    private static byte[] classFile(String name) throws IOException {
        try (InputStream in = InlineWeaverTest.class.getClassLoader()
                .getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
