package io.autobot.optimizer.it.hosts;

import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Container-style class loader lifecycle: an annotated class is loaded in a throwaway loader,
 * used (memoized by the agent), and the loader dropped. Prints whether every loader was
 * garbage-collected: the agent's metadata tables, invokers and thread-locals must not pin it.
 */
public class LoaderLeakHost {

    public static void main(String[] args) throws Exception {
        URL classes = LoaderLeakHost.class.getProtectionDomain().getCodeSource().getLocation();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        boolean correct = true;
        for (int round = 0; round < 5; round++) {
            URLClassLoader loader = new CachingHost.ChildFirstLoader(new URL[] {classes},
                    LoaderLeakHost.class.getClassLoader());
            Class<?> plugin = Class.forName(CachingHost.Plugin.class.getName(), true, loader);
            Object instance = plugin.getDeclaredConstructor().newInstance();
            Method compute = plugin.getMethod("compute", int.class);
            for (int i = 0; i < 3; i++) {
                correct &= (Integer) compute.invoke(instance, 7) == 49;
            }
            correct &= (Integer) plugin.getMethod("runs").invoke(null) == (args.length > 0 ? 3 : 1);
            loaders.add(new WeakReference<>(loader));
            loader.close();
        }
        for (int i = 0; i < 20 && loaders.stream().anyMatch(ref -> ref.get() != null); i++) {
            System.gc();
            Thread.sleep(50);
        }
        System.out.println("correct=" + correct);
        System.out.println("collected=" + loaders.stream().filter(ref -> ref.get() == null).count());
    }
}
