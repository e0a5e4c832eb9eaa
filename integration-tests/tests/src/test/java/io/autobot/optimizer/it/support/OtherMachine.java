package io.autobot.optimizer.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Another machine on the network, for tests of what a remote client can reach: a Linux network
 * namespace joined to this one by a veth pair, with an address of its own on a private /30. Needs
 * root and iproute2; {@link #create()} returns null where either is missing.
 */
public final class OtherMachine implements AutoCloseable {

    private final String namespace;
    private final String ourAddress;

    private OtherMachine(String namespace, String ourAddress) {
        this.namespace = namespace;
        this.ourAddress = ourAddress;
    }

    /** A new namespace, or null (with the reason on stderr) where namespaces cannot be made here. */
    public static OtherMachine create() throws InterruptedException {
        String name = "autobot-it-" + ProcessHandle.current().pid();
        int subnet = ThreadLocalRandom.current().nextInt(256);
        String ours = "10.231." + subnet + ".1";
        String theirs = "10.231." + subnet + ".2";
        String ourLink = "abo" + ProcessHandle.current().pid() % 100_000;
        String theirLink = "abr" + ProcessHandle.current().pid() % 100_000;
        OtherMachine machine = new OtherMachine(name, ours);
        try {
            ip("netns", "add", name);
            ip("link", "add", ourLink, "type", "veth", "peer", "name", theirLink);
            ip("link", "set", theirLink, "netns", name);
            ip("addr", "add", ours + "/30", "dev", ourLink);
            ip("link", "set", ourLink, "up");
            ip("netns", "exec", name, "ip", "addr", "add", theirs + "/30", "dev", theirLink);
            ip("netns", "exec", name, "ip", "link", "set", theirLink, "up");
            ip("netns", "exec", name, "ip", "link", "set", "lo", "up");
            return machine;
        } catch (IOException cannot) {
            System.err.println("no other machine: " + cannot.getMessage());
            machine.close();
            return null;
        }
    }

    /** Our address as the other machine reaches it. */
    public String ourAddress() {
        return ourAddress;
    }

    /** The command prefix that runs a program on the other machine. */
    public List<String> launcher() {
        return List.of("ip", "netns", "exec", namespace);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            ip("netns", "del", namespace); // takes the veth pair with it
        } catch (IOException alreadyGone) {
            // nothing was made
        }
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException noIp) {
            throw new IOException("cannot run ip (iproute2): " + noIp.getMessage(), noIp);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + ": " + output);
        }
    }
}
