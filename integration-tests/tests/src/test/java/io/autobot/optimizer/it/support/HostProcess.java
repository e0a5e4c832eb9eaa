package io.autobot.optimizer.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A host JVM that keeps running while a test talks to it, for attach tests: the test sends one
 * command per line on its stdin; the host answers with {@code key=value} lines and a line
 * {@code done} (see {@code hosts.CommandLoop}). Its stderr is collected for assertions.
 */
public final class HostProcess implements AutoCloseable {

    private static final String END = "__end__";

    private final Process process;
    private final PrintWriter input;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();

    private HostProcess(Process process) {
        this.process = process;
        this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        drain(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), stdout,
                true);
        drain(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), stderr,
                false);
    }

    /** Starts the host and waits until it has said {@code ready}. */
    public static HostProcess start(ChildJvm jvm) throws IOException {
        HostProcess host = new HostProcess(jvm.start());
        host.awaitLine("ready");
        return host;
    }

    public long pid() {
        return process.pid();
    }

    /** Sends one command and returns the host's answer. */
    public Map<String, String> send(String command) {
        input.println(command);
        Map<String, String> answer = new LinkedHashMap<>();
        while (true) {
            String line = next();
            if (line.equals("done")) {
                return answer;
            }
            int equals = line.indexOf('=');
            if (equals > 0) {
                answer.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
    }

    public String stderr() {
        return stderr.toString();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the host and waits for it to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            input.println("exit");
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void awaitLine(String wanted) {
        while (!next().equals(wanted)) {
            // skip what the host prints before
        }
    }

    private String next() {
        try {
            String line = lines.poll(90, TimeUnit.SECONDS);
            if (line == null || line.equals(END)) {
                throw new AssertionError("the host did not answer" + (line == null ? " within 90s" : " (it ended)")
                        + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private void drain(BufferedReader reader, StringBuffer copy, boolean queue) {
        Thread thread = new Thread(() -> {
            try (reader) {
                String line;
                while ((line = reader.readLine()) != null) {
                    copy.append(line).append('\n');
                    if (queue) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the host ended
            }
            if (queue) {
                lines.add(END);
            }
        }, "host-output");
        thread.setDaemon(true);
        thread.start();
    }
}
