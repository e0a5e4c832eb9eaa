package io.autobot.optimizer.samples.endpoints;

import java.io.Serializable;

/**
 * An endpoint to validate, as a plan writes them ({@code {'endpoint': '/api/v1/users',
 * 'method': 'GET'}}). A GET must answer 200 and a POST 201, with a JSON body.
 *
 * @param service which registry the endpoint belongs to (its content fingerprint, not its port,
 *        so that results stay valid across restarts of the same registry and not across others)
 * @param method GET or POST
 * @param path the path, such as {@code /api/v1/users}
 */
public record EndpointSpec(String service, String method, String path) implements Serializable {

    /** The status a valid endpoint answers. */
    public int expectedStatus() {
        return method.equals("POST") ? 201 : 200;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
