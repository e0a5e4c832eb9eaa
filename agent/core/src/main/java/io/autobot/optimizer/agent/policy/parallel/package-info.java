/**
 * {@code @Parallel}: splits a list, array or collection argument into chunks run on worker threads
 * (the caller helps), merges the chunks' results in order, copies element writes back, and steps
 * aside (the call runs whole) wherever a split could change the outcome.
 */
package io.autobot.optimizer.agent.policy.parallel;
