package io.autobot.optimizer.cli;

import io.autobot.optimizer.agent.Version;

/** {@code java -jar autobot-agent.jar <verb>}: the command line of the agent jar. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("AutoBot Optimizer " + Version.get());
        System.out.println("usage: java -javaagent:autobot-agent.jar[=key=value,...] -jar your-app.jar");
        System.exit(args.length == 0 ? 0 : 2);
    }
}
