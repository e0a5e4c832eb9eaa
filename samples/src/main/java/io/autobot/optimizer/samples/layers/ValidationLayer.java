package io.autobot.optimizer.samples.layers;

import io.autobot.optimizer.samples.parse.ParsedSource;

/** One layer of multi-layer validation: an independent checker over a parsed file. */
public interface ValidationLayer {

    /** The layer's name, as reported. */
    String name();

    /** Checks a file. Only the syntax layer sees files that do not parse. */
    LayerResult check(ParsedSource source);
}
