package io.autobot.optimizer.samples.patterns;

import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayDeque;
import java.util.Deque;

/** Counts catch blocks, and those that throw a new exception without passing the caught one on. */
final class CatchScanner extends TreeScanner<Void, Void> {

    int catches;
    int causeLost;
    private final Deque<String> caught = new ArrayDeque<>();

    static CatchScanner of(ClassTree type) {
        CatchScanner scanner = new CatchScanner();
        scanner.scan(type, null);
        return scanner;
    }

    @Override
    public Void visitCatch(CatchTree node, Void unused) {
        catches++;
        caught.push(node.getParameter().getName().toString());
        super.visitCatch(node, null);
        caught.pop();
        return null;
    }

    @Override
    public Void visitThrow(ThrowTree node, Void unused) {
        if (!caught.isEmpty() && node.getExpression() instanceof NewClassTree created
                && !passes(created, caught.peek())) {
            causeLost++;
        }
        return super.visitThrow(node, null);
    }

    private static boolean passes(NewClassTree created, String name) {
        for (ExpressionTree argument : created.getArguments()) {
            if (argument instanceof IdentifierTree identifier && identifier.getName().contentEquals(name)) {
                return true;
            }
        }
        return false;
    }
}
