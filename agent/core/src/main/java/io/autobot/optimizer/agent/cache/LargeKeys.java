package io.autobot.optimizer.agent.cache;

import io.autobot.optimizer.agent.call.MethodMeta;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls whose key would be larger than the per-entry limit: a stored key keeps its arguments
 * (arrays and collections as copies), so a large argument would be kept once per entry, up to
 * {@code CACHE_SIZE} times, and an upload handler called with distinct 2 MB arrays would fill the
 * heap. Such calls run their body and are not stored. They are counted, and said once per method.
 */
final class LargeKeys {

    private static final Logger LOG = LoggerFactory.getLogger("io.autobot.optimizer");

    private final LongAdder count = new LongAdder();
    private final Set<Integer> told = ConcurrentHashMap.newKeySet();

    /** Whether the call's key is over the limit (then it is counted, and said once per method). */
    boolean tooLarge(CallKey call, long limit) {
        if (!call.largerThan(limit)) {
            return false;
        }
        count.increment();
        MethodMeta method = call.method();
        if (told.add(method.id())) {
            LOG.info("{}: a call whose arguments{} are larger than max_file_size ({} bytes) is not cached (its key would"
                    + " keep them); said once", method.qualifiedName(), call.receiver() == null ? "" : " or receiver",
                    limit);
        }
        return true;
    }

    /** Calls not cached since start because their key was over the limit. */
    long count() {
        return count.sum();
    }
}
