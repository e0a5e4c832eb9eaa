package io.autobot.optimizer.samples.patterns;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Small questions about a type's direct members, shared by the pattern rules. */
final class TypeFacts {

    private TypeFacts() {
    }

    static List<MethodTree> methods(ClassTree type) {
        List<MethodTree> methods = new ArrayList<>();
        for (Tree member : type.getMembers()) {
            if (member instanceof MethodTree method && !isConstructor(method)) {
                methods.add(method);
            }
        }
        return methods;
    }

    static List<MethodTree> constructors(ClassTree type) {
        List<MethodTree> constructors = new ArrayList<>();
        for (Tree member : type.getMembers()) {
            if (member instanceof MethodTree method && isConstructor(method)) {
                constructors.add(method);
            }
        }
        return constructors;
    }

    static List<VariableTree> fields(ClassTree type) {
        List<VariableTree> fields = new ArrayList<>();
        for (Tree member : type.getMembers()) {
            if (member instanceof VariableTree field) {
                fields.add(field);
            }
        }
        return fields;
    }

    static List<ClassTree> nestedTypes(ClassTree type) {
        List<ClassTree> nested = new ArrayList<>();
        for (Tree member : type.getMembers()) {
            if (member instanceof ClassTree inner) {
                nested.add(inner);
            }
        }
        return nested;
    }

    static boolean isConstructor(MethodTree method) {
        return method.getReturnType() == null && method.getName().contentEquals("<init>");
    }

    static Set<Modifier> flags(Tree tree) {
        if (tree instanceof ClassTree type) {
            return type.getModifiers().getFlags();
        }
        if (tree instanceof MethodTree method) {
            return method.getModifiers().getFlags();
        }
        if (tree instanceof VariableTree variable) {
            return variable.getModifiers().getFlags();
        }
        return Set.of();
    }

    static boolean has(Tree tree, Modifier modifier) {
        return flags(tree).contains(modifier);
    }

    /** Whether a method returns the type named {@code simpleName} (generic arguments ignored). */
    static boolean returns(MethodTree method, CharSequence simpleName) {
        if (method.getReturnType() == null) {
            return false;
        }
        String type = method.getReturnType().toString();
        int generic = type.indexOf('<');
        String raw = generic < 0 ? type : type.substring(0, generic);
        return raw.equals(simpleName.toString()) || raw.endsWith("." + simpleName);
    }
}
