package io.autobot.optimizer.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autobot.optimizer.agent.cache.MemoryTier;
import io.autobot.optimizer.agent.cache.ResultCache;
import io.autobot.optimizer.agent.call.FailOpen;
import io.autobot.optimizer.agent.config.CacheStrategy;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.Test;

/** The weaver on real class files: what it changes, what it leaves, and that it never throws. */
class AdviceWeaverTest {

    private static final byte[] BRIDGE = "io/autobot/optimizer/bootstrap/Dispatcher".getBytes(StandardCharsets.US_ASCII);

    private final Engine engine = new Engine(RuntimeSettings.defaults(),
            new ResultCache(new MemoryTier(100), CacheStrategy.MEMORY, null, new FailOpen()), List.of(), new FailOpen());
    private final OptimizerTransformer optimizer = new OptimizerTransformer(engine, List.of(new AnnotationSelector()));
    private final AdviceWeaver weaver = new AdviceWeaver(new AnnotationSelector().types(), optimizer,
            ClassFileLocator.ForClassLoader.of(AnnotationNames.class.getClassLoader()));
    private final ClassLoader loader = AdviceWeaverTest.class.getClassLoader();

    @Test
    void aClassWithASelectedMethodGetsTheAdviceThatCallsTheBridge() throws Exception {
        byte[] original = classFile("instrumenttarget/Annotated");

        byte[] woven = weaver.weave(loader, "instrumenttarget.Annotated", original, false);

        assertThat(ByteSearch.contains(original, BRIDGE)).isFalse();
        assertThat(woven).isNotNull();
        assertThat(ByteSearch.contains(woven, BRIDGE)).as("the inlined advice calls the bridge").isTrue();
        assertThat(optimizer.instrumented()).extracting(meta -> meta.qualifiedName())
                .containsExactly("instrumenttarget.Annotated.square(java.lang.Object)");
    }

    @Test
    void aClassWithoutASelectedMethodIsLeftAsItIs() throws Exception {
        assertThat(weaver.weave(loader, "instrumenttarget.Plain", classFile("instrumenttarget/Plain"), false))
                .isNull();
        assertThat(optimizer.instrumented()).isEmpty();
    }

    @Test
    void aClassFileThatCannotBeReadFailsTheWeaveForTheTransformerToLeaveIt() {
        byte[] broken = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 1, 2, 3};

        assertThatThrownBy(() -> weaver.weave(loader, "instrumenttarget.Broken", broken, false))
                .isInstanceOf(RuntimeException.class);
    }

    private static byte[] classFile(String internalName) throws IOException {
        try (InputStream in = AdviceWeaverTest.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            return in.readAllBytes();
        }
    }
}
