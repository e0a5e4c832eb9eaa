package io.autobot.optimizer.samples.endpoints;

import java.io.Serializable;

/**
 * The outcome of validating one endpoint. Timings are deliberately not part of it, so that the
 * same endpoint gives the same result however fast the call was.
 *
 * @param method GET or POST
 * @param path the path
 * @param status the HTTP status the service answered
 * @param valid whether it answered as expected
 * @param problem what was wrong, or null when valid
 */
public record EndpointResult(String method, String path, int status, boolean valid, String problem)
        implements Serializable {

    /** Judges one response. */
    public static EndpointResult check(EndpointSpec spec, int status, String contentType, String body) {
        String problem = null;
        if (status != spec.expectedStatus()) {
            problem = "expected " + spec.expectedStatus() + ", got " + status;
        } else if (contentType == null || !contentType.startsWith("application/json")) {
            problem = "expected application/json, got " + contentType;
        } else {
            try {
                io.autobot.optimizer.samples.json.Json.parse(body);
            } catch (IllegalArgumentException e) {
                problem = "the body is not JSON: " + e.getMessage();
            }
        }
        return new EndpointResult(spec.method(), spec.path(), status, problem == null, problem);
    }
}
