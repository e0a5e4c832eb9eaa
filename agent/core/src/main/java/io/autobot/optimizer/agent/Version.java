package io.autobot.optimizer.agent;

/** The agent's version, from the jar manifest. */
public final class Version {

    private Version() {
    }

    public static String get() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
