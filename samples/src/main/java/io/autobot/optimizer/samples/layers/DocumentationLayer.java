package io.autobot.optimizer.samples.layers;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import io.autobot.optimizer.samples.parse.ParsedSource;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Public types and methods should have doc comments: under half of them documented is a warning. */
final class DocumentationLayer implements ValidationLayer {

    @Override
    public String name() {
        return "documentation";
    }

    @Override
    public LayerResult check(ParsedSource source) {
        int[] counts = new int[2]; // public declarations, documented ones
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitClass(ClassTree type, Void unused) {
                count(type, type.getModifiers().getFlags().contains(Modifier.PUBLIC));
                return super.visitClass(type, null);
            }

            @Override
            public Void visitMethod(MethodTree method, Void unused) {
                count(method, method.getModifiers().getFlags().contains(Modifier.PUBLIC));
                return null; // members of local and anonymous classes are not API
            }

            private void count(Tree declaration, boolean isPublic) {
                if (isPublic) {
                    counts[0]++;
                    counts[1] += source.docComment(declaration) != null ? 1 : 0;
                }
            }
        }.scan(source.unit(), null);
        if (counts[0] > 0 && counts[1] * 2 < counts[0]) {
            return LayerResult.of(name(), List.of(counts[1] + " of " + counts[0] + " public declarations documented"),
                    List.of());
        }
        return LayerResult.of(name(), List.of(), List.of());
    }
}
