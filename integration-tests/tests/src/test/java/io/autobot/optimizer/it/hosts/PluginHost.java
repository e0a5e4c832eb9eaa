package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.print;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Loads {@code plugin.Impl} from each directory given, each in a class loader of its own (two
 * versions of one plugin), and prints what its cached {@code compute(10)} returns.
 */
public class PluginHost {

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            URL[] path = {Path.of(args[i]).toUri().toURL()};
            try (URLClassLoader loader = new URLClassLoader(path, PluginHost.class.getClassLoader())) {
                PluginBase plugin = (PluginBase) loader.loadClass("plugin.Impl").getDeclaredConstructor().newInstance();
                print("plugin." + i, plugin.compute(10));
            }
        }
    }
}
