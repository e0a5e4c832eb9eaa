package io.autobot.optimizer.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.SocketException;
import java.rmi.UnmarshalException;
import org.junit.jupiter.api.Test;

class TargetUnavailableExceptionTest {

    @Test
    void theReasonIsTheInnermostCausesMessageNotRmisChain() {
        UnmarshalException rmi = new UnmarshalException("Error unmarshaling return header",
                new SocketException("Connection reset"));
        assertThat(TargetUnavailableException.reason(rmi)).isEqualTo("Connection reset");
    }

    @Test
    void anEndOfStreamWithoutAMessageReadsAsAClosedConnection() {
        UnmarshalException rmi = new UnmarshalException("Error unmarshaling return header", new EOFException());
        assertThat(TargetUnavailableException.reason(rmi)).isEqualTo("connection closed");
    }

    @Test
    void aCauseWithoutAMessageIsNamedByItsType() {
        assertThat(TargetUnavailableException.reason(new java.io.IOException(new SocketException())))
                .isEqualTo("SocketException");
    }
}
