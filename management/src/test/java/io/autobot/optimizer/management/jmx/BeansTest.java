package io.autobot.optimizer.management.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class BeansTest {

    public interface ProbeMXBean {
        int getValue();
    }

    public static final class Probe implements ProbeMXBean {
        @Override
        public int getValue() {
            return 7;
        }
    }

    @Test
    void beansWaitForTheServerThenGoThereAndLeaveWithIt() throws Exception {
        Beans beans = new Beans();
        ObjectName first = Beans.name("io.autobot.optimizer.test:type=Probe,name=first");
        ObjectName second = Beans.name("io.autobot.optimizer.test:type=Probe,name=second");
        beans.register(new Probe(), first);
        assertThat(beans.server()).isNull();
        assertThat(beans.isRegistered(first)).as("waiting, not registered").isFalse();

        MBeanServer server = MBeanServerFactory.newMBeanServer();
        beans.attach(server);
        assertThat(server.getAttribute(first, "Value")).isEqualTo(7);
        beans.register(new Probe(), second);
        assertThat(server.isRegistered(second)).as("after the server exists: at once").isTrue();

        beans.unregisterAll();
        assertThat(server.isRegistered(first)).isFalse();
        assertThat(server.isRegistered(second)).isFalse();
    }

    @Test
    void aBeanStoppedBeforeTheServerExistedIsNeverRegistered() throws Exception {
        Beans beans = new Beans();
        ObjectName name = Beans.name("io.autobot.optimizer.test:type=Probe,name=gone");
        beans.register(new Probe(), name);
        beans.unregisterAll();
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        beans.attach(server);
        assertThat(server.isRegistered(name)).isFalse();
    }
}
