package io.autobot.optimizer.samples.analysis;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.lang.model.element.Modifier;

/**
 * Walks one top-level type and counts what {@link ComponentMetrics} reports: members, cyclomatic
 * complexity per method (1 + branches, loops, cases, catches, {@code ?:}, {@code &&}, {@code ||})
 * and the deepest nesting of blocks.
 */
final class MetricsScanner extends TreeScanner<Void, Void> {

    int methods;
    int publicMethods;
    int fields;
    int nestedTypes;
    int maxComplexity;
    int totalComplexity;
    int maxNesting;
    final TreeSet<String> annotations = new TreeSet<>();

    private int classDepth;
    private int methodDepth;
    private int complexity;
    private int nesting;

    /** Scans a top-level type. */
    static MetricsScanner of(ClassTree type) {
        MetricsScanner scanner = new MetricsScanner();
        scanner.scan(type, null);
        return scanner;
    }

    /** Complexity of one method, for the rules that judge single methods. */
    static int complexityOf(MethodTree method) {
        MetricsScanner scanner = new MetricsScanner();
        scanner.classDepth = 1;
        scanner.scan(method, null);
        return scanner.maxComplexity;
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
        if (classDepth > 0) {
            nestedTypes++;
        }
        classDepth++;
        super.visitClass(node, null);
        classDepth--;
        return null;
    }

    @Override
    public Void visitMethod(MethodTree node, Void unused) {
        methods++;
        if (node.getModifiers().getFlags().contains(Modifier.PUBLIC)) {
            publicMethods++;
        }
        int outerComplexity = complexity;
        int outerNesting = nesting;
        complexity = 1;
        nesting = 0;
        methodDepth++;
        super.visitMethod(node, null);
        methodDepth--;
        maxComplexity = Math.max(maxComplexity, complexity);
        totalComplexity += complexity;
        complexity = outerComplexity;
        nesting = outerNesting;
        return null;
    }

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
        if (methodDepth == 0) {
            fields++;
        }
        return super.visitVariable(node, null);
    }

    @Override
    public Void visitModifiers(ModifiersTree node, Void unused) {
        for (AnnotationTree annotation : node.getAnnotations()) {
            String name = annotation.getAnnotationType().toString();
            annotations.add(name.substring(name.lastIndexOf('.') + 1));
        }
        return super.visitModifiers(node, null);
    }

    @Override
    public Void visitIf(IfTree node, Void unused) {
        complexity++;
        return nested(() -> super.visitIf(node, null));
    }

    @Override
    public Void visitForLoop(ForLoopTree node, Void unused) {
        complexity++;
        return nested(() -> super.visitForLoop(node, null));
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void unused) {
        complexity++;
        return nested(() -> super.visitEnhancedForLoop(node, null));
    }

    @Override
    public Void visitWhileLoop(WhileLoopTree node, Void unused) {
        complexity++;
        return nested(() -> super.visitWhileLoop(node, null));
    }

    @Override
    public Void visitDoWhileLoop(DoWhileLoopTree node, Void unused) {
        complexity++;
        return nested(() -> super.visitDoWhileLoop(node, null));
    }

    @Override
    public Void visitCatch(CatchTree node, Void unused) {
        complexity++;
        return nested(() -> super.visitCatch(node, null));
    }

    @Override
    public Void visitConditionalExpression(ConditionalExpressionTree node, Void unused) {
        complexity++;
        return super.visitConditionalExpression(node, null);
    }

    @Override
    public Void visitCase(CaseTree node, Void unused) {
        complexity += node.getExpressions().isEmpty() ? 0 : node.getExpressions().size();
        return super.visitCase(node, null);
    }

    @Override
    public Void visitBinary(BinaryTree node, Void unused) {
        if (node.getKind() == Tree.Kind.CONDITIONAL_AND || node.getKind() == Tree.Kind.CONDITIONAL_OR) {
            complexity++;
        }
        return super.visitBinary(node, null);
    }

    @Override
    public Void visitSwitch(SwitchTree node, Void unused) {
        return nested(() -> super.visitSwitch(node, null));
    }

    @Override
    public Void visitTry(TryTree node, Void unused) {
        return nested(() -> super.visitTry(node, null));
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return nested(() -> super.visitLambdaExpression(node, null));
    }

    private Void nested(Supplier<Void> body) {
        nesting++;
        maxNesting = Math.max(maxNesting, nesting);
        body.get();
        nesting--;
        return null;
    }
}
