package io.autobot.optimizer.samples.layers;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreeScanner;
import io.autobot.optimizer.samples.analysis.Complexity;
import io.autobot.optimizer.samples.parse.ParsedSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Method complexity: above {@link #WARNING_COMPLEXITY} is a warning, above
 * {@link #CRITICAL_COMPLEXITY} critical; so is a type with more than {@link #MAX_METHODS} methods.
 */
final class StructureLayer implements ValidationLayer {

    static final int WARNING_COMPLEXITY = 15;
    static final int CRITICAL_COMPLEXITY = 40;
    static final int MAX_METHODS = 60;

    @Override
    public String name() {
        return "structure";
    }

    @Override
    public LayerResult check(ParsedSource source) {
        List<String> warnings = new ArrayList<>();
        List<String> criticals = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethod(MethodTree method, Void unused) {
                int complexity = Complexity.of(method);
                String where = "line " + source.line(method) + ": " + method.getName() + " has complexity " + complexity;
                if (complexity > CRITICAL_COMPLEXITY) {
                    criticals.add(where);
                } else if (complexity > WARNING_COMPLEXITY) {
                    warnings.add(where);
                }
                return super.visitMethod(method, null);
            }

            @Override
            public Void visitClass(ClassTree type, Void unused) {
                long methods = type.getMembers().stream().filter(MethodTree.class::isInstance).count();
                if (methods > MAX_METHODS) {
                    warnings.add("line " + source.line(type) + ": " + type.getSimpleName() + " has " + methods
                            + " methods");
                }
                return super.visitClass(type, null);
            }
        }.scan(source.unit(), null);
        return LayerResult.of(name(), warnings, criticals);
    }
}
