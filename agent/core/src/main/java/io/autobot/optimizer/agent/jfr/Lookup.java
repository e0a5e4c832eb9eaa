package io.autobot.optimizer.agent.jfr;

/**
 * A cache lookup under way while a recording runs: it ends as a hit or a miss, each an event with
 * its own threshold, so both are begun.
 */
final class Lookup {

    final CacheHitEvent hit = new CacheHitEvent();
    final CacheMissEvent miss = new CacheMissEvent();

    Lookup() {
        hit.begin();
        miss.begin();
    }
}
