package io.autobot.optimizer.samples.pipeline;

import io.autobot.optimizer.samples.corpus.SourceFile;
import io.autobot.optimizer.samples.endpoints.EndpointSpec;
import java.util.List;

/**
 * What the pipeline does for one prompt: the components it picked, the patterns to check them
 * against, the endpoints to validate and the searches to run.
 */
public record Plan(String prompt, List<SourceFile> components, List<String> patterns, List<EndpointSpec> endpoints,
        List<String> queries) {
}
