package io.autobot.optimizer.agent;

import java.io.File;
import java.time.Instant;

/**
 * The agent jar as this JVM first loaded the agent from it: path, size and time of modification.
 * The JVM reads the agent's classes from that file as it needs them, so a jar replaced under a
 * running JVM (a new build copied over it) leaves the agent with the classes it has loaded and
 * none it has not. A later load of the agent (the attach of the new jar) compares, and is refused
 * with a message that says what happened, instead of running the old agent with classes that
 * may be missing. JDK types only: this class must work when nothing more can be loaded.
 */
final class LoadedJar {

    private static File file;
    private static long size;
    private static long modified;

    private LoadedJar() {
    }

    /**
     * Remembers the jar on the first load; on a later one, tells whether it changed since.
     *
     * @return what happened to the jar, or null when it is as it was (or cannot be told)
     */
    static synchronized String replacedSinceFirstLoad() {
        if (file == null) {
            file = jar();
            size = file == null ? 0 : file.length();
            modified = file == null ? 0 : file.lastModified();
            return null;
        }
        long nowSize = file.length();
        long nowModified = file.lastModified();
        if (nowSize == size && nowModified == modified) {
            return null;
        }
        return "the agent jar " + file + " was replaced after this JVM loaded the agent from it (then " + size
                + " bytes, modified " + Instant.ofEpochMilli(modified) + "; now " + nowSize + " bytes, modified "
                + Instant.ofEpochMilli(nowModified) + "): the running agent keeps what it loaded and its settings,"
                + " and this load changes nothing; restart the JVM to run the new jar (or keep each build's jar"
                + " under its own name)";
    }

    private static File jar() {
        try {
            File location = new File(LoadedJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.isFile() ? location : null;
        } catch (java.net.URISyntaxException | RuntimeException unknown) {
            return null; // not from a jar (tests): nothing to compare
        }
    }
}
