package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.LoaderLeakHost;
import io.autobot.optimizer.it.support.ChildJvm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dropped class loaders of instrumented classes are garbage-collected. */
class ClassLoaderLeakIT {

    @TempDir
    Path workDir;

    @Test
    void theAgentDoesNotPinClassLoaders() throws Exception {
        ChildJvm.Result result = ChildJvm.of(LoaderLeakHost.class).withAgent("cache=memory").workDir(workDir).run();
        assertThat(result.value("correct")).as(result.toString()).isEqualTo("true");
        assertThat(result.value("collected")).as(result.toString()).isEqualTo("5");
    }
}
