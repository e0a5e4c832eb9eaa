package io.autobot.optimizer.samples.corpus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the AutoBot Optimizer checkout the sample runs from: the first directory, walking up from
 * the working directory and then from the sample's own jar, whose {@code pom.xml} is the project's
 * parent pom. Its sources are the default corpus and its build holds the agent jar.
 */
public final class ProjectLocator {

    private static final String PARENT_MARKER = "<artifactId>autobot-parent</artifactId>";

    private ProjectLocator() {
    }

    /** The checkout's root directory, if the sample runs from inside one. */
    public static Optional<Path> projectRoot() {
        Optional<Path> fromWorkingDir = walkUp(Path.of("").toAbsolutePath());
        return fromWorkingDir.isPresent() ? fromWorkingDir : ownLocation().flatMap(ProjectLocator::walkUp);
    }

    /** The agent jar the build puts at {@code agent/dist/target/autobot-agent.jar}, if built. */
    public static Optional<Path> agentJar() {
        return projectRoot().map(root -> root.resolve("agent/dist/target/autobot-agent.jar"))
                .filter(Files::isRegularFile);
    }

    static Optional<Path> walkUp(Path start) {
        for (Path dir = start.normalize(); dir != null; dir = dir.getParent()) {
            if (isProjectRoot(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static boolean isProjectRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        // a module's pom names the parent too: the root is the one beside the agent and samples modules
        if (!Files.isRegularFile(pom) || !Files.isDirectory(dir.resolve("agent"))
                || !Files.isDirectory(dir.resolve("samples"))) {
            return false;
        }
        try {
            return Files.readString(pom, StandardCharsets.UTF_8).contains(PARENT_MARKER);
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> ownLocation() {
        try {
            var source = ProjectLocator.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
