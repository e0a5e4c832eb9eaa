/**
 * The call contract, the bottom layer: what an intercepted call is ({@link io.autobot.optimizer.agent.call.Invocation}),
 * what is known of its method ({@link io.autobot.optimizer.agent.call.MethodMeta},
 * {@link io.autobot.optimizer.agent.call.MethodSpec}), the interface every policy implements
 * ({@link io.autobot.optimizer.agent.call.Policy}, {@link io.autobot.optimizer.agent.call.Chain}),
 * per-method statistics (with the time each policy saved or added and its verdict,
 * {@link io.autobot.optimizer.agent.call.PolicyLedger}) and the fail-open reporter. It depends on
 * nothing else of the agent.
 */
package io.autobot.optimizer.agent.call;
