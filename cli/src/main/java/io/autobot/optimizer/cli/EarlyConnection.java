package io.autobot.optimizer.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The connection of an agent verb given a process id ({@code status 4242}), opened on a thread of
 * its own while the command line is parsed and the verb's model built: connecting loads and runs
 * much of RMI, which then overlaps with the parser's start instead of following it. Only the
 * published connector is tried this way ({@link AgentConnection#published}: it reads a file and
 * connects, changing nothing in the target); the verb attaches itself when that gave nothing.
 */
final class EarlyConnection {

    private static final EarlyConnection NONE = new EarlyConnection(-1, null);

    /**
     * How long a published connector may take to answer before the verb attaches instead: JMX
     * connects without a time limit, and a JVM that is stopped ({@code SIGSTOP}) accepts the
     * connection but never answers; attaching then fails within the JDK's attach timeout.
     */
    private static final long CONNECT_TIMEOUT_SECONDS = 5;

    private final long pid;
    private final FutureTask<AgentConnection> connecting;
    private boolean taken;

    private EarlyConnection(long pid, FutureTask<AgentConnection> connecting) {
        this.pid = pid;
        this.connecting = connecting;
    }

    /** Starts connecting when the command line runs an agent verb on a process id; else does nothing. */
    static EarlyConnection start(String verb, String[] args) {
        long pid = agentVerbPid(verb, args);
        return pid < 0 ? NONE : of(pid);
    }

    /** Starts connecting to the connector the JVM with this pid published. */
    static EarlyConnection of(long pid) {
        FutureTask<AgentConnection> connecting = new FutureTask<>(() -> AgentConnection.published(pid));
        Thread thread = new Thread(connecting, "autobot-cli-connect");
        thread.setDaemon(true);
        thread.start();
        return new EarlyConnection(pid, connecting);
    }

    /** The process id after the verb when it is a number and the verb one of the command tree's; else -1. */
    static long agentVerbPid(String verb, String[] args) {
        if (verb == null || Cli.BEFORE_TREE.contains(verb) || Cli.AFTER_TREE.contains(verb)) {
            return -1;
        }
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(verb)) {
                String target = args[i + 1];
                if (target.isEmpty() || target.length() > 18 || !target.chars().allMatch(Character::isDigit)) {
                    return -1;
                }
                return Long.parseLong(target);
            }
        }
        return -1;
    }

    /**
     * The connection to the agent in {@code target}: the one opened early when it serves, else as
     * {@link AgentConnection#open}.
     */
    synchronized AgentConnection open(long target) {
        if (target != pid || taken) {
            return AgentConnection.open(target);
        }
        taken = true;
        AgentConnection early = await();
        return early != null ? early : AgentConnection.attached(target);
    }

    /** Closes a connection opened early that no verb took (a usage error after all). */
    synchronized void closeUnused() {
        if (connecting != null && !taken) {
            taken = true;
            AgentConnection unused = await();
            if (unused != null) {
                unused.close();
            }
        }
    }

    private AgentConnection await() {
        if (connecting == null) {
            return null;
        }
        try {
            return connecting.get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException slow) {
            return null; // a connection that answers late is left to its daemon thread
        } catch (ExecutionException failed) {
            return null; // the published connector did not serve: attaching says why
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
