package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;

/**
 * The application's side of a plugin: a stateless base whose cached method calls the plugin's
 * override. Plugins of one class name, compiled differently, are loaded in loaders of their own.
 */
public abstract class PluginBase {

    @Cached
    public int compute(int x) {
        return transform(x);
    }

    protected abstract int transform(int x);
}
