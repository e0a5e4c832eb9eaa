package io.autobot.optimizer.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server of the test's own, on a free loopback port, without persistence, in a
 * temporary directory; {@code .ci/run} installs the Debian package when it is missing.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private final String password;
    private Process process;

    private RedisServer(int port, Path dir, String password) {
        this.port = port;
        this.dir = dir;
        this.password = password;
    }

    public static RedisServer start(Path dir) throws IOException, InterruptedException {
        return start(dir, null);
    }

    /** A server that asks clients for this password ({@code requirepass}); null for none. */
    public static RedisServer start(Path dir, String password) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        RedisServer server = new RedisServer(port, Files.createDirectories(dir), password);
        server.startProcess();
        return server;
    }

    /** Starts the server again on the same port (after {@link #kill()}). */
    public void startProcess() throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("redis-server", "--port",
                String.valueOf(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir",
                dir.toString()));
        if (password != null) {
            command.addAll(java.util.List.of("--requirepass", password));
        }
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IOException("redis-server did not start on port " + port);
    }

    /** The URL, with the password when the server has one. */
    public String url() {
        return "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port;
    }

    /** Runs {@code redis-cli} against this server and returns what it printed (trimmed). */
    public String cli(String... args) throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("redis-cli", "-p",
                String.valueOf(port), "-h", "127.0.0.1", "--no-auth-warning"));
        if (password != null) {
            command.addAll(java.util.List.of("-a", password));
        }
        command.addAll(java.util.List.of(args));
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(cli.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        cli.waitFor(10, TimeUnit.SECONDS);
        return out.trim();
    }

    /** Kills the server at once (SIGKILL). */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            kill();
        }
    }
}
