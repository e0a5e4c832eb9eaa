package io.autobot.optimizer.samples.analysis;

import com.sun.source.tree.MethodTree;

/** The cyclomatic complexity of one method, as component analysis counts it. */
public final class Complexity {

    private Complexity() {
    }

    public static int of(MethodTree method) {
        return MetricsScanner.complexityOf(method);
    }
}
