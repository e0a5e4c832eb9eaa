package io.autobot.optimizer.samples.layers;

import io.autobot.optimizer.samples.parse.ParsedSource;
import java.util.List;

/** The file must parse: any syntax error is critical and stops the other layers. */
final class SyntaxLayer implements ValidationLayer {

    @Override
    public String name() {
        return "syntax";
    }

    @Override
    public LayerResult check(ParsedSource source) {
        List<String> errors = source.errors();
        return LayerResult.of(name(), List.of(), errors.size() > 3 ? errors.subList(0, 3) : errors);
    }
}
