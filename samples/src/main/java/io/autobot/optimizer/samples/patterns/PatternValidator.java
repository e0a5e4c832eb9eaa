package io.autobot.optimizer.samples.patterns;

import com.sun.source.tree.ClassTree;
import io.autobot.optimizer.annotations.Cached;
import io.autobot.optimizer.annotations.Optimized;
import io.autobot.optimizer.annotations.Parallel;
import io.autobot.optimizer.samples.corpus.SourceFile;
import io.autobot.optimizer.samples.parse.JavaParser;
import io.autobot.optimizer.samples.parse.ParsedSource;
import io.autobot.optimizer.samples.pipeline.WorkCounters;
import java.util.ArrayList;
import java.util.List;

/**
 * Pattern validation ({@code optimize_pattern_validation}): checks each component of
 * each file against integration patterns. A file that does not parse is invalid and is not
 * checked further; each pattern stops at its first failing rule.
 *
 * <p>With the agent, {@link #validateAll} is split across worker threads and the results are
 * memoized under the {@code pattern_validation} profile.
 */
public class PatternValidator {

    /** The pseudo-pattern reported for a file that does not parse. */
    public static final String SYNTAX = "syntax";

    private final WorkCounters counters;

    public PatternValidator(WorkCounters counters) {
        this.counters = counters;
    }

    /** The matches of every file against the patterns, file by file in the given order. */
    @Optimized(operation = "pattern_validation")
    // the result depends on the arguments only, as validate's does: keyed without the receiver, so on disk too
    @Cached(scope = Cached.Scope.ARGUMENTS)
    @Parallel(argument = "files")
    public List<PatternMatch> validateAll(List<SourceFile> files, List<String> patterns) {
        List<PatternMatch> matches = new ArrayList<>();
        for (SourceFile file : files) {
            matches.addAll(validate(file, patterns));
        }
        return matches;
    }

    /**
     * The matches of one file's components against the patterns, component by component. Only
     * memoized: its result is not the concatenation of its results for parts of the pattern list
     * (components come first, and a file that does not parse gives one match), so it is not
     * {@code @Parallel}.
     */
    // the result depends on the arguments only (the counters it updates are not read back)
    @Cached(ttl = "1h", scope = Cached.Scope.ARGUMENTS)
    public List<PatternMatch> validate(SourceFile file, List<String> patterns) {
        counters.recordComputed(WorkCounters.PATTERN_VALIDATION, patterns.size());
        ParsedSource parsed = JavaParser.parse(file);
        if (!parsed.valid()) {
            return List.of(new PatternMatch(file.path(), SYNTAX, false, parsed.errors().get(0)));
        }
        List<PatternMatch> matches = new ArrayList<>();
        for (ClassTree type : parsed.topLevelTypes()) {
            for (String name : patterns) {
                IntegrationPattern pattern = PatternCatalog.find(name);
                matches.add(pattern == null
                        ? new PatternMatch(parsed.qualifiedName(type), name, false, "unknown pattern")
                        : pattern.check(parsed, type));
            }
        }
        return List.copyOf(matches);
    }
}
