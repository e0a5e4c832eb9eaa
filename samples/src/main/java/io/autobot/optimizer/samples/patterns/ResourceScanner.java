package io.autobot.optimizer.samples.patterns;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import io.autobot.optimizer.samples.parse.ParsedSource;
import java.util.regex.Pattern;

/**
 * Counts the resources a type opens ({@code new} of streams, readers, writers, channels, sockets)
 * and those that are neither declared in a try-with-resources nor handed to the caller.
 */
final class ResourceScanner extends TreePathScanner<Void, Void> {

    private static final Pattern RESOURCE = Pattern.compile(
            ".*(InputStream|OutputStream|Reader|Writer|Channel|Socket|ZipFile|JarFile|Scanner)");
    private static final Pattern IN_MEMORY = Pattern.compile(".*(String|ByteArray|CharArray)[A-Za-z]*");

    int opened;
    int unmanaged;

    static ResourceScanner of(ParsedSource source, ClassTree type) {
        ResourceScanner scanner = new ResourceScanner();
        scanner.scan(TreePath.getPath(source.unit(), type), null);
        return scanner;
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void unused) {
        String name = node.getIdentifier().toString();
        Tree parent = getCurrentPath().getParentPath().getLeaf();
        if (RESOURCE.matcher(name).matches() && !IN_MEMORY.matcher(name).matches()
                && !(parent instanceof NewClassTree)) { // a wrapped stream is closed by its wrapper
            opened++;
            if (!(parent instanceof ReturnTree) && !inTryResources(getCurrentPath())) {
                unmanaged++;
            }
        }
        return super.visitNewClass(node, null);
    }

    private static boolean inTryResources(TreePath path) {
        for (TreePath step = path; step.getParentPath() != null; step = step.getParentPath()) {
            if (step.getParentPath().getLeaf() instanceof TryTree tryTree
                    && tryTree.getResources().contains(step.getLeaf())) {
                return true;
            }
        }
        return false;
    }
}
