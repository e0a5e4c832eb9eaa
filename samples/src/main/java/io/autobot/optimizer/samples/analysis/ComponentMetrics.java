package io.autobot.optimizer.samples.analysis;

import java.io.Serializable;
import java.util.List;

/**
 * What component analysis measured about one component (a top-level type of a source file).
 *
 * @param name the qualified type name
 * @param path the source file, relative to the corpus root
 * @param kind class, interface, enum, record or annotation
 * @param lines the lines of the type's file that hold code (neither blank nor only a comment)
 * @param methods the methods and constructors, nested types included
 * @param publicMethods the public ones among them
 * @param fields the fields, nested types included
 * @param nestedTypes the types declared inside it
 * @param imports the file's import declarations
 * @param internalImports the imports from the component's own top-level package (its coupling)
 * @param maxComplexity the largest cyclomatic complexity of one of its methods
 * @param totalComplexity the sum over its methods
 * @param maxNesting the deepest nesting of blocks and lambdas in one of its methods
 * @param annotations the distinct annotation names used on it and its members, sorted
 * @param valid false when the file has syntax errors (then only name and path are known)
 */
public record ComponentMetrics(String name, String path, String kind, int lines, int methods, int publicMethods,
        int fields, int nestedTypes, int imports, int internalImports, int maxComplexity, int totalComplexity,
        int maxNesting, List<String> annotations, boolean valid) implements Serializable {

    /** The simple name: the part after the last dot. */
    public String simpleName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
