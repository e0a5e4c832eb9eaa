package io.autobot.optimizer.api;

/** Thrown by {@link AutoBot} when the AutoBot agent is not running in this JVM. */
public class AgentNotAttachedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public AgentNotAttachedException() {
        super("the AutoBot agent is not attached to this JVM: start it with -javaagent:autobot-agent.jar"
                + " or attach it with 'java -jar autobot-agent.jar attach <pid>'");
    }

    /** With a message that names the JVM, for clients of another JVM (the CLI, the shell). */
    public AgentNotAttachedException(String message) {
        super(message);
    }
}
