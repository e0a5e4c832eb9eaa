package io.autobot.optimizer.samples.parse;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.TreePath;
import io.autobot.optimizer.samples.corpus.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed file: its compilation unit, the trees utility (positions, doc comments) and the syntax
 * errors the parser reported.
 */
public record ParsedSource(SourceFile file, CompilationUnitTree unit, DocTrees trees, List<String> errors) {

    /** Whether the parser reported no error. */
    public boolean valid() {
        return errors.isEmpty();
    }

    /** The package name, empty for the default package. */
    public String packageName() {
        return unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    }

    /** The top-level classes, interfaces, enums, records and annotation types, in source order. */
    public List<ClassTree> topLevelTypes() {
        List<ClassTree> types = new ArrayList<>();
        for (Tree tree : unit.getTypeDecls()) {
            if (tree instanceof ClassTree type) {
                types.add(type);
            }
        }
        return types;
    }

    /** The qualified name of a top-level type. */
    public String qualifiedName(ClassTree type) {
        String pkg = packageName();
        return pkg.isEmpty() ? type.getSimpleName().toString() : pkg + "." + type.getSimpleName();
    }

    /** The 1-based line of a tree. */
    public long line(Tree tree) {
        long position = trees.getSourcePositions().getStartPosition(unit, tree);
        return position < 0 ? 0 : unit.getLineMap().getLineNumber(position);
    }

    /** The doc comment of a declaration, or null. */
    public String docComment(Tree declaration) {
        TreePath path = TreePath.getPath(unit, declaration);
        return path == null ? null : trees.getDocComment(path);
    }
}
