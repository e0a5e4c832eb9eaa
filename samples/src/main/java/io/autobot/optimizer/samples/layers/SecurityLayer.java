package io.autobot.optimizer.samples.layers;

import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import io.autobot.optimizer.samples.parse.ParsedSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A secret written in the code (a non-empty string literal in a variable named like a password,
 * secret, token or API key) is critical; starting processes, {@code System.exit} and
 * {@code printStackTrace} are warnings.
 */
final class SecurityLayer implements ValidationLayer {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|apikey|api_key).*");

    @Override
    public String name() {
        return "security";
    }

    @Override
    public LayerResult check(ParsedSource source) {
        List<String> warnings = new ArrayList<>();
        List<String> criticals = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree variable, Void unused) {
                if (SECRET_NAME.matcher(variable.getName()).matches()
                        && variable.getInitializer() instanceof LiteralTree literal
                        && literal.getKind() == Tree.Kind.STRING_LITERAL
                        && !String.valueOf(literal.getValue()).isBlank()) {
                    criticals.add("line " + source.line(variable) + ": a secret is written in the code ("
                            + variable.getName() + ")");
                }
                return super.visitVariable(variable, null);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                String callee = call.getMethodSelect().toString();
                if (call.getMethodSelect() instanceof MemberSelectTree select) {
                    String name = select.getIdentifier().toString();
                    if (name.equals("printStackTrace") && call.getArguments().isEmpty()) {
                        warnings.add("line " + source.line(call) + ": printStackTrace() instead of logging");
                    } else if (callee.equals("System.exit")) {
                        warnings.add("line " + source.line(call) + ": System.exit ends the whole JVM");
                    } else if (name.equals("exec") && callee.contains("getRuntime")) {
                        warnings.add("line " + source.line(call) + ": Runtime.exec starts a process");
                    }
                }
                return super.visitMethodInvocation(call, null);
            }

            @Override
            public Void visitNewClass(NewClassTree created, Void unused) {
                if (created.getIdentifier().toString().endsWith("ProcessBuilder")) {
                    warnings.add("line " + source.line(created) + ": ProcessBuilder starts a process");
                }
                return super.visitNewClass(created, null);
            }
        }.scan(source.unit(), null);
        return LayerResult.of(name(), warnings, criticals);
    }
}
