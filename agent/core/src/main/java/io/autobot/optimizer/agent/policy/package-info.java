/**
 * What the execution policies share: the agent's daemon threads, interrupt bookkeeping for bodies
 * run on other threads, the time each thread spent held back by a rate limit, and the parsing of annotation attributes. Each policy lives in a
 * sub-package of its own and none uses another.
 */
package io.autobot.optimizer.agent.policy;
