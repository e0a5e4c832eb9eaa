package io.autobot.optimizer.agent.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import discoverytarget.Spinner;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplerTest {

    @Test
    void findsTheHotMethodOfTheIncludedClasses() throws Exception {
        Thread worker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Spinner.sink += Spinner.spin(Spinner.sink);
            }
        });
        worker.setDaemon(true);
        worker.start();
        try (Sampler sampler = new Sampler(new DiscoveryOptions.ClassFilter(List.of("discoverytarget")))) {
            sampler.start();
            Thread.sleep(3000);
            List<Sampler.Hot> ranked = sampler.ranked();
            assertThat(sampler.samples()).isPositive();
            assertThat(sampler.firstFailure()).isNull();
            assertThat(ranked).extracting(Sampler.Hot::key).contains("discoverytarget.Spinner.spin(J)J");
            assertThat(ranked.get(0).declarationProblem()).isNull();
        } finally {
            worker.interrupt();
        }
    }
}
