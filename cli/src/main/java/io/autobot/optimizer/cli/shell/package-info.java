/**
 * The command tree (Commands) that the CLI's verbs and the AutoBot> shell share, the shell that
 * reads command lines (CommandShell), and the back end it talks to (OptimizerBackend, implemented
 * over JMX by MBeanBackend). JDK types, picocli-free, so a host can run the shell in its own
 * process, as the sample's interactive mode does. See docs/cli.md.
 */
package io.autobot.optimizer.cli.shell;
