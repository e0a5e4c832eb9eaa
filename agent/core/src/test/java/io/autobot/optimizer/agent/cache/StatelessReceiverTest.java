package io.autobot.optimizer.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.call.ClassFingerprint;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The key part of a stateless receiver: its class, by name and, on disk, by its class files. */
class StatelessReceiverTest {

    static class Service {
        Object work(Object n) {
            return n;
        }
    }

    static class SpecialService extends Service {
        @Override
        Object work(Object n) {
            return "special";
        }
    }

    record Point() {
    }

    static class Stateful {
        int count;
    }

    static class StatefulParent extends Stateful {
    }

    private static String fingerprint(Class<?> type) {
        return ClassFingerprint.of(type.getClassLoader(), type.getName());
    }

    @Test
    void aStatelessReceiverStandsInForItsClassAndAStatefulOneForItself() {
        Object part = Receivers.keyPart(new Service());
        assertThat(part).isInstanceOf(StatelessReceiver.class).isSameAs(Receivers.keyPart(new Service()));
        assertThat(((StatelessReceiver) part).className()).isEqualTo(Service.class.getName());
        assertThat(part).hasToString("StatelessReceiver[" + Service.class.getName() + "]");
        assertThat(Receivers.keyPart(new SpecialService())).isNotEqualTo(part);
        Stateful stateful = new Stateful();
        assertThat(Receivers.keyPart(stateful)).isSameAs(stateful);
        StatefulParent inherited = new StatefulParent();
        assertThat(Receivers.keyPart(inherited)).as("state of a superclass counts").isSameAs(inherited);
        assertThat(Receivers.keyPart(null)).isNull();
    }

    @Test
    void jdkClassesAndRecordsAreTakenAsTheyAre() {
        StringBuilder jdk = new StringBuilder();
        assertThat(Receivers.keyPart(jdk)).isSameAs(jdk);
        assertThat(Receivers.stateless(Point.class)).as("a record without components").isTrue();
        assertThat(Receivers.stateless(Object.class)).isTrue();
    }

    @Test
    void theDiskNameIsTheClassNameAndTheFingerprintsOfItsClassFilesUpToTheJdk() {
        StatelessReceiver base = new StatelessReceiver(Service.class);
        assertThat(base.diskName()).isEqualTo(Service.class.getName() + "@" + fingerprint(Service.class));
        StatelessReceiver special = new StatelessReceiver(SpecialService.class);
        assertThat(special.diskName()).isEqualTo(SpecialService.class.getName() + "@" + fingerprint(SpecialService.class)
                + "," + fingerprint(Service.class));
        assertThat(fingerprint(Service.class)).isNotEqualTo(fingerprint(SpecialService.class)).hasSize(24);
        assertThat(special.diskName()).as("computed once").isSameAs(special.diskName());
        assertThat(new StatelessReceiver(Point.class).diskName()).as("up to Record")
                .isEqualTo(Point.class.getName() + "@" + fingerprint(Point.class));
    }

    @Test
    void aClassWithoutAClassFileHasNoDiskName() {
        Supplier<Object> lambda = () -> "x";
        StatelessReceiver generated = new StatelessReceiver(lambda.getClass());
        assertThat(generated.diskName()).isNull();
        assertThat(generated.className()).isEqualTo(lambda.getClass().getName());
    }
}
