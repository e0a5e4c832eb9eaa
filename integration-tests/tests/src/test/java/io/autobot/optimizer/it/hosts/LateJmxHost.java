package io.autobot.optimizer.it.hosts;

import io.autobot.optimizer.annotations.Cached;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * A host that asks for the platform MBean server only after it has worked a while: until then
 * there must be none (the agent does not make it); when it asks, the agent's beans must be there
 * on its first query.
 */
public class LateJmxHost {

    private static int runs;

    @Cached
    static String hello(String name) {
        runs++;
        return "hello " + name;
    }

    public static void main(String[] args) throws Exception {
        boolean correct = hello("world").equals("hello world") && hello("world").equals("hello world");
        Thread.sleep(2_500); // the agent's start and two of its management ticks
        HostOutput.print("servers.before", MBeanServerFactory.findMBeanServer(null).size());
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        HostOutput.print("optimizer.at.once", server.isRegistered(new ObjectName("io.autobot.optimizer:type=Optimizer")));
        HostOutput.print("operations.at.once",
                server.queryNames(new ObjectName("io.autobot.optimizer:type=Operation,*"), null).size());
        HostOutput.print("hits", server.getAttribute(new ObjectName("io.autobot.optimizer:type=Cache,tier=memory"),
                "Hits"));
        HostOutput.print("correct", correct);
        HostOutput.print("runs", runs);
        // a second ask returns the same server and registers nothing twice
        HostOutput.print("same.server", ManagementFactory.getPlatformMBeanServer() == server);
        Thread.sleep(1_500);
        HostOutput.print("meters", server.queryNames(new ObjectName("io.autobot.optimizer.metrics:*"), null).size());
    }
}
