package io.autobot.optimizer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.it.hosts.PolicyLeakHost;
import io.autobot.optimizer.it.support.ChildJvm;
import org.junit.jupiter.api.Test;

/** Dropped class loaders of classes that use the execution policies are garbage-collected. */
class PolicyClassLoaderLeakIT {

    @Test
    void thePoliciesDoNotPinClassLoaders() throws Exception {
        ChildJvm.Result result = ChildJvm.of(PolicyLeakHost.class).withAgent("cache=memory").run();
        assertThat(result.value("correct")).as(result.toString()).isEqualTo("true");
        assertThat(result.value("collected")).as(result.toString()).isEqualTo("5");
    }
}
