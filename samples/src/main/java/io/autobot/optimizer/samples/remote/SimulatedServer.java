package io.autobot.optimizer.samples.remote;

import io.autobot.optimizer.samples.remote.SimulatedService.Reply;
import java.io.IOException;
import java.net.URI;

/**
 * A local server standing in for a remote one: it answers through a {@link SimulatedService}
 * (simulated latency, a rate limit) and counts what it received. Subclasses say what each
 * request gets.
 */
public abstract class SimulatedServer implements AutoCloseable {

    private SimulatedService service;

    /** Starts answering on loopback (an ephemeral port). */
    protected final void serve(String name, double perSecond, int burst) throws IOException {
        service = SimulatedService.start(name, perSecond, burst, this::handle);
    }

    /** The answer to one accepted request; {@code query} is the raw query string, or null. */
    protected abstract Reply handle(String method, String path, String query, String body)
            throws InterruptedException;

    /** The base address, such as {@code http://127.0.0.1:40123}. */
    public URI baseUri() {
        return service.baseUri();
    }

    /** Requests received, including rejected ones. */
    public long requests() {
        return service.requests();
    }

    /** Requests answered 429. */
    public long rejected() {
        return service.rejected();
    }

    @Override
    public void close() {
        service.close();
    }
}
