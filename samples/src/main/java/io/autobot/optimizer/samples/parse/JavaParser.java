package io.autobot.optimizer.samples.parse;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import io.autobot.optimizer.samples.corpus.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Parses Java source text with the JDK's own compiler (the {@code com.sun.source} tree API): the
 * real parser, with doc comments kept, and without attribution or code generation. Every call
 * builds a fresh compiler task, as a tool that checks files one by one does; this is the
 * expensive step that the sample's analyses repeat and the agent's caches save.
 */
public final class JavaParser {

    private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();
    // A file manager is not thread-safe; parsing runs on the agent's workers too, so each thread has its own.
    private static final ThreadLocal<StandardJavaFileManager> FILE_MANAGERS = ThreadLocal.withInitial(
            () -> COMPILER.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8));

    private JavaParser() {
    }

    /** Parses one file; syntax errors are reported in the result, not thrown. */
    public static ParsedSource parse(SourceFile file) {
        if (COMPILER == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run the sample on a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) COMPILER.getTask(null, FILE_MANAGERS.get(), diagnostics,
                List.of("-proc:none", "-Xlint:none"), null, List.of(new StringSource(file)));
        DocTrees trees = DocTrees.instance(task);
        CompilationUnitTree unit;
        try {
            unit = task.parse().iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                errors.add("line " + diagnostic.getLineNumber() + ": " + diagnostic.getMessage(Locale.ROOT));
            }
        }
        return new ParsedSource(file, unit, trees, List.copyOf(errors));
    }

    /** Source text held in memory, named after its corpus path. */
    private static final class StringSource extends SimpleJavaFileObject {
        private final String text;

        StringSource(SourceFile file) {
            super(URI.create("string:///" + file.path().replace(' ', '_')), Kind.SOURCE);
            this.text = file.content();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
