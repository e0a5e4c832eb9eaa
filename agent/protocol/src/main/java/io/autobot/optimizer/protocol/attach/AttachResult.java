package io.autobot.optimizer.protocol.attach;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What one load of the agent did (start, update of a running agent, detach), handed from the
 * target JVM to the CLI in the system property {@link AttachProtocol#RESULT_PROPERTY}: one
 * {@code key=value} line per fact, so that either side can read it without the other's classes.
 */
public final class AttachResult {

    /** What happened. */
    public enum Status {
        /** The agent started and instrumented what was loaded. */
        STARTED,
        /** The agent was already running; the new settings were applied. */
        ALREADY_RUNNING,
        /** The agent stopped: original code back, threads stopped, memory caches dropped. */
        DETACHED,
        /** A detach found no agent running. */
        NOT_RUNNING,
        /** The request failed; the application runs on as before. */
        FAILED;

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Status of(String id) {
            return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private final Status status;
    private final String version;
    private String request = "";
    private final List<String> instrumented = new ArrayList<>();
    private final List<String> applied = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    public AttachResult(Status status, String version) {
        this.status = status;
        this.version = version;
    }

    public Status status() {
        return status;
    }

    public String version() {
        return version;
    }

    /** The tag of the load this answers (the CLI's {@code request=} argument), or empty. */
    public String request() {
        return request;
    }

    public AttachResult request(String tag) {
        this.request = tag == null ? "" : oneLine(tag);
        return this;
    }

    /** The instrumented methods, each as {@code com.example.Type.method(int) [policies]}. */
    public List<String> instrumented() {
        return Collections.unmodifiableList(instrumented);
    }

    /** The settings the request changed, as {@code key=value}. */
    public List<String> applied() {
        return Collections.unmodifiableList(applied);
    }

    /** One line per problem: bad settings, bad rules, the failure. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    public AttachResult instrumented(String method) {
        instrumented.add(oneLine(method));
        return this;
    }

    public AttachResult applied(String setting) {
        applied.add(oneLine(setting));
        return this;
    }

    public synchronized AttachResult problem(String problem) {
        problems.add(oneLine(problem));
        return this;
    }

    /** The text stored in the system property. */
    public String format() {
        StringBuilder text = new StringBuilder();
        text.append("status=").append(status.id()).append('\n');
        text.append("version=").append(version).append('\n');
        text.append("request=").append(request).append('\n');
        instrumented.forEach(line -> text.append("instrumented=").append(line).append('\n'));
        applied.forEach(line -> text.append("applied=").append(line).append('\n'));
        problems.forEach(line -> text.append("problem=").append(line).append('\n'));
        return text.toString();
    }

    /**
     * Reads what {@link #format()} wrote.
     *
     * @throws IllegalArgumentException when the text has no status line
     */
    public static AttachResult parse(String text) {
        AttachResult result = null;
        String version = "";
        List<String[]> facts = new ArrayList<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                facts.add(new String[] {line.substring(0, equals), line.substring(equals + 1)});
            }
        }
        for (String[] fact : facts) {
            if (fact[0].equals("version")) {
                version = fact[1];
            }
        }
        for (String[] fact : facts) {
            if (fact[0].equals("status")) {
                result = new AttachResult(Status.of(fact[1]), version);
            }
        }
        if (result == null) {
            throw new IllegalArgumentException("no status in the agent's answer: " + text);
        }
        for (String[] fact : facts) {
            switch (fact[0]) {
                case "instrumented": result.instrumented(fact[1]); break;
                case "applied": result.applied(fact[1]); break;
                case "problem": result.problem(fact[1]); break;
                case "request": result.request(fact[1]); break;
                default: break;
            }
        }
        return result;
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
