/**
 * How the CLI and an agent loaded through the Attach API talk without sharing classes: the agent
 * arguments that are orders ({@code command=detach}, {@code request=<id>}), the system properties
 * the agent sets in its host, and {@link io.autobot.optimizer.protocol.attach.AttachResult}, the
 * answer of one load as {@code key=value} lines. See docs/attach.md.
 */
package io.autobot.optimizer.protocol.attach;
