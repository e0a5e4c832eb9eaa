package io.autobot.optimizer.it.hosts;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Runs the {@code main} of a class compiled at test time: {@code ExternalClassHost DIR CLASS}.
 * The class is loaded from DIR by its own loader, as plugins and recompiled code are.
 */
public class ExternalClassHost {

    public static void main(String[] args) throws Exception {
        URL classes = Path.of(args[0]).toUri().toURL();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, ExternalClassHost.class.getClassLoader())) {
            Class<?> type = Class.forName(args[1], true, loader);
            type.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        }
    }
}
