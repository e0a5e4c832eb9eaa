package io.autobot.optimizer.samples.endpoints;

import io.autobot.optimizer.samples.json.Json;
import io.autobot.optimizer.samples.remote.SimulatedServer;
import io.autobot.optimizer.samples.remote.SimulatedService;
import io.autobot.optimizer.samples.remote.SimulatedService.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The remote service that API validation talks to, started by the sample on 127.0.0.1 (an
 * ephemeral port): a small REST registry of resources and of the corpus's components.
 *
 * <p>It stands in for a remote API, so it behaves like one ({@link SimulatedService}): every
 * request waits a fixed <b>simulated latency</b> (network plus remote processing; a batch request a
 * little more per item), and a token-bucket <b>rate limit</b> answers {@code 429 Too Many Requests}
 * with a {@code Retry-After} when clients go faster than {@link #REQUESTS_PER_SECOND}.
 */
public final class RegistryServer extends SimulatedServer {

    /** The sustained rate the registry accepts, JVM-wide across clients. */
    public static final double REQUESTS_PER_SECOND = 25;
    /** How many requests may come at once before the rate applies. */
    public static final int BURST = 5;
    /** The simulated latency of one request. */
    public static final Duration LATENCY = Duration.ofMillis(20);
    /** The extra simulated latency per item of a batch request. */
    public static final Duration LATENCY_PER_BATCH_ITEM = Duration.ofMillis(2);
    /** The batch endpoint: a JSON array of {method, path} in, a JSON array of responses out. */
    public static final String BATCH_PATH = "/api/v1/batch";

    private static final String PREFIX = "/api/v1/";
    private static final String JSON = "application/json; charset=utf-8";
    /** The resources and whether they accept POST. */
    private static final Map<String, Boolean> RESOURCES = Map.of("users", true, "posts", true, "pages", false,
            "links", true, "robots", false, "products", true, "orders", true, "patterns", false, "health", false);

    private final Set<String> components;

    private RegistryServer(Set<String> components) {
        this.components = components;
    }

    /** Starts the registry on loopback, knowing the given component names. */
    public static RegistryServer start(Set<String> componentNames) throws IOException {
        RegistryServer registry = new RegistryServer(Set.copyOf(componentNames));
        registry.serve("registry-server", REQUESTS_PER_SECOND, BURST);
        return registry;
    }

    @Override
    protected Reply handle(String method, String path, String query, String body) throws InterruptedException {
        if (path.equals(BATCH_PATH) && method.equals("POST")) {
            return batch(body);
        }
        SimulatedService.simulateLatency(LATENCY.toMillis());
        return resolve(method, path);
    }

    @SuppressWarnings("unchecked")
    private Reply batch(String body) throws InterruptedException {
        List<Object> items;
        try {
            items = (List<Object>) Json.parse(body);
        } catch (IllegalArgumentException | ClassCastException e) {
            return new Reply(400, "{\"error\":\"expected a JSON array of {method, path}\"}");
        }
        SimulatedService.simulateLatency(LATENCY.toMillis() + LATENCY_PER_BATCH_ITEM.toMillis() * items.size());
        List<Object> replies = new ArrayList<>();
        for (Object item : items) {
            Map<?, ?> request = (Map<?, ?>) item;
            Reply reply = resolve(String.valueOf(request.get("method")), String.valueOf(request.get("path")));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", reply.status());
            entry.put("contentType", JSON);
            entry.put("body", reply.body());
            replies.add(entry);
        }
        return new Reply(200, Json.writeCompact(replies));
    }

    /** What one request gets; the same for single and batched requests. */
    Reply resolve(String method, String path) {
        if (!path.startsWith(PREFIX)) {
            return new Reply(404, "{\"error\":\"not found\"}");
        }
        String[] parts = path.substring(PREFIX.length()).split("/");
        if (parts.length == 2 && parts[0].equals("components")) {
            if (!method.equals("GET")) {
                return new Reply(405, "{\"error\":\"method not allowed\"}");
            }
            return components.contains(parts[1])
                    ? new Reply(200, "{\"name\":\"" + parts[1] + "\",\"registered\":true}")
                    : new Reply(404, "{\"error\":\"unknown component\"}");
        }
        Boolean writable = RESOURCES.get(parts[0]);
        if (writable == null || parts.length > 2) {
            return new Reply(404, "{\"error\":\"not found\"}");
        }
        if (method.equals("GET")) {
            return parts.length == 2
                    ? new Reply(200, "{\"id\":\"" + parts[1] + "\",\"resource\":\"" + parts[0] + "\"}")
                    : new Reply(200, "[{\"id\":1,\"resource\":\"" + parts[0] + "\"},{\"id\":2,\"resource\":\""
                            + parts[0] + "\"}]");
        }
        if (method.equals("POST") && writable && parts.length == 1) {
            return new Reply(201, "{\"id\":3,\"created\":true}");
        }
        return new Reply(405, "{\"error\":\"method not allowed\"}");
    }
}
