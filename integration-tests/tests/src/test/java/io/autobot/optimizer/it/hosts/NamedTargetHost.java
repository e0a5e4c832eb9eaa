package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;
import java.util.Map;

/** A host that the CLI names by its main class rather than by its process id. */
public class NamedTargetHost {

    private static int runs;

    @Cached
    static int square(int x) {
        runs++;
        return x * x;
    }

    public static void main(String[] args) throws Exception {
        new CommandLoop().on("call", () -> Map.of("correct", square(7) == 49 && square(7) == 49, "runs", runs))
                .serve();
    }
}
