/**
 * Rules files: select methods of code that cannot be annotated by class and method patterns, and
 * give them the policies an annotation would.
 */
package io.autobot.optimizer.agent.rules;
