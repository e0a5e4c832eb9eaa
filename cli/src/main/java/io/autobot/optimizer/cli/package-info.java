/**
 * The command line of autobot-agent.jar (java -jar autobot-agent.jar <verb>): Main and Cli make
 * the verbs, those of the command tree (cli.shell.Commands) and those that act on processes (list,
 * attach, detach, shell); the Attach API and JMX connection to a target JVM; checks of settings
 * before they are sent. Needs none of the agent's classes. See docs/cli.md.
 */
package io.autobot.optimizer.cli;
