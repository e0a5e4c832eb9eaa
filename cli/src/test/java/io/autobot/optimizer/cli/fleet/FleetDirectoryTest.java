package io.autobot.optimizer.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FleetDirectoryTest {

    @Test
    void aUrlThatIsNotRedisIsOneLineWithoutThePassword() {
        assertThatThrownBy(() -> FleetDirectory.of("http://app:s3cret@host:6379"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--redis http://app:***@host:6379")
                .hasMessageContaining("accepted: redis://").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> FleetDirectory.of("redis://app:s3cret@ho st")).hasMessageNotContaining("s3cret");
    }

    @Test
    void aPathThatIsNotADatabaseIsRefusedBeforeConnecting() {
        assertThatThrownBy(() -> FleetDirectory.of("redis://s3cret@host:6379/cache"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database number")
                .hasMessageContaining("redis://***@host:6379/cache");
        assertThat(FleetDirectory.of("redis://s3cret@host/2").shown()).isEqualTo("redis://***@host/2");
    }

    @Test
    void aRedisThatCannotBeReachedIsOneLineWithoutThePassword() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        FleetDirectory directory = FleetDirectory.of("redis://app:s3cret@127.0.0.1:" + port);
        assertThatThrownBy(directory::heartbeats).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot read the fleet from Redis at redis://app:***@127.0.0.1:" + port)
                .hasMessageNotContaining("s3cret");
    }
}
