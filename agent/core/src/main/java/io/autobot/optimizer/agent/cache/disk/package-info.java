/**
 * The disk tier on MapDB: a store that survives restarts, keyed by method fingerprints so that
 * changed code never reads old entries, written behind the call, decoded through an allow-list of
 * the classes it wrote, and set aside and rebuilt when damaged. Loaded only when a disk tier is on.
 */
package io.autobot.optimizer.agent.cache.disk;
