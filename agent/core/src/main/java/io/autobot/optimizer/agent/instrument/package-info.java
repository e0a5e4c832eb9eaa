/**
 * Instrumentation with Byte Buddy: which methods are selected (annotations by name, or rules),
 * the inlined advice copied into host classes, a byte-level pre-filter that skips classes that
 * cannot hold a selected method, and retransformation for attach and detach.
 */
package io.autobot.optimizer.agent.instrument;
