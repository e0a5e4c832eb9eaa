package io.autobot.optimizer.samples.layers;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import io.autobot.optimizer.samples.parse.ParsedSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Java conventions: a public top-level type named after its file, no wildcard imports, constants
 * ({@code static final} primitives and strings) in UPPER_SNAKE_CASE. All are warnings.
 */
final class ConventionsLayer implements ValidationLayer {

    private static final Set<String> CONSTANT_TYPES =
            Set.of("int", "long", "double", "float", "short", "byte", "char", "boolean", "String");

    @Override
    public String name() {
        return "conventions";
    }

    @Override
    public LayerResult check(ParsedSource source) {
        List<String> warnings = new ArrayList<>();
        for (ImportTree imported : source.unit().getImports()) {
            if (imported.getQualifiedIdentifier().toString().endsWith(".*")) {
                warnings.add("line " + source.line(imported) + ": wildcard import "
                        + imported.getQualifiedIdentifier());
            }
        }
        for (ClassTree type : source.topLevelTypes()) {
            if (type.getModifiers().getFlags().contains(Modifier.PUBLIC)
                    && !type.getSimpleName().contentEquals(source.file().baseName())) {
                warnings.add("line " + source.line(type) + ": public type " + type.getSimpleName()
                        + " is not in a file of its name");
            }
            for (Tree member : type.getMembers()) {
                if (member instanceof VariableTree field && isConstant(field)
                        && !field.getName().toString().matches("[A-Z][A-Z0-9_]*")) {
                    warnings.add("line " + source.line(field) + ": constant " + field.getName()
                            + " is not in UPPER_SNAKE_CASE");
                }
            }
        }
        return LayerResult.of(name(), warnings, List.of());
    }

    private static boolean isConstant(VariableTree field) {
        Set<Modifier> flags = field.getModifiers().getFlags();
        return flags.contains(Modifier.STATIC) && flags.contains(Modifier.FINAL)
                && CONSTANT_TYPES.contains(field.getType().toString());
    }
}
