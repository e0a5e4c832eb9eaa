package io.autobot.optimizer.agent.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.autobot.optimizer.agent.call.MethodMeta;
import io.autobot.optimizer.agent.config.CacheStrategy;
import io.autobot.optimizer.agent.config.RuntimeSettings;
import io.autobot.optimizer.agent.config.Setting;
import io.autobot.optimizer.agent.engine.TestMethods;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events are written while a recording runs and cost nothing while none does; the shipped
 * settings file names the events that exist.
 */
class FlightEventsTest {

    private static final List<Class<?>> EVENTS = List.of(CacheHitEvent.class, CacheMissEvent.class,
            CacheStoreEvent.class, SplitEvent.class, BatchEvent.class, ThrottleWaitEvent.class, TimeoutEvent.class,
            VerificationMismatchEvent.class, SettingChangeEvent.class);

    @TempDir
    Path dir;

    @Test
    void writesEachEventWhileARecordingRunsAndNothingOnceItStopped() throws Exception {
        RuntimeSettings settings = RuntimeSettings.defaults();
        FlightEvents.start(settings);
        MethodMeta method = TestMethods.cached("lookup");
        Path file = dir.resolve("events.jfr");
        try (Recording recording = new Recording()) {
            recording.start();
            FlightEvents.looked(FlightEvents.lookupBegins(), method, "memory", CacheStrategy.HYBRID, "value");
            FlightEvents.looked(FlightEvents.lookupBegins(), method, "memory", CacheStrategy.HYBRID, null);
            FlightEvents.stored(FlightEvents.storeBegins(), method, CacheStrategy.HYBRID, 42_000);
            FlightEvents.split(FlightEvents.splitBegins(), method, 64, 4);
            FlightEvents.batch(FlightEvents.batchBegins(), "validation", "validateAll", 10);
            FlightEvents.waited(FlightEvents.waitBegins(), method, "backend", false);
            FlightEvents.timedOut(FlightEvents.limitedCallBegins(), method, 300_000_000L, true);
            FlightEvents.mismatch(method, "a call with arguments (java.lang.String) returned a java.lang.Integer");
            settings.set(Setting.MAX_WORKERS, 7);
            recording.stop();
            recording.dump(file);
        }
        assertThat(FlightEvents.lookupBegins()).as("no recording runs: no event begins").isNull();

        Map<String, RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(event -> event.getEventType().getName().startsWith(FlightEvents.PREFIX))
                .collect(Collectors.toMap(event -> event.getEventType().getName().substring(FlightEvents.PREFIX.length()),
                        event -> event));
        assertThat(events).containsOnlyKeys("CacheHit", "CacheMiss", "CacheStore", "Split", "Batch", "ThrottleWait",
                "Timeout", "VerificationMismatch", "SettingChange");
        assertThat(events.get("CacheHit").getString("tier")).isEqualTo("memory");
        assertThat(events.get("CacheHit").getString("operation")).isEqualTo(method.operation());
        assertThat(events.get("CacheMiss").getString("strategy")).isEqualTo("hybrid");
        assertThat(events.get("CacheStore").getDuration("loadTime").toNanos()).isEqualTo(42_000);
        assertThat(events.get("Split").getInt("chunks")).isEqualTo(4);
        assertThat(events.get("Batch").getInt("size")).isEqualTo(10);
        assertThat(events.get("ThrottleWait").getBoolean("granted")).isFalse();
        assertThat(events.get("Timeout").getDuration("limit").toMillis()).isEqualTo(300);
        assertThat(events.get("VerificationMismatch").getString("method")).isEqualTo(method.qualifiedName());
        RecordedEvent change = events.get("SettingChange");
        assertThat(List.of(change.getString("setting"), change.getString("attribute"), change.getString("newValue")))
                .containsExactly("OPTIMIZATION_MAX_WORKERS", "MaxWorkers", "7");
        assertThat(events.values()).allSatisfy(event ->
                assertThat(event.getEventType().getCategoryNames()).containsExactly(FlightEvents.CATEGORY));
    }

    @Test
    void aRecordingThatTurnsEveryEventOffBeginsNone() {
        FlightEvents.start(RuntimeSettings.defaults());
        try (Recording recording = new Recording()) {
            for (String name : FlightEvents.EVENT_NAMES) {
                recording.disable(name);
            }
            recording.start();
            assertThat(FlightEvents.lookupBegins()).isNull();
            try (Recording another = new Recording()) {
                another.start();
                assertThat(FlightEvents.lookupBegins()).as("a recording that leaves them on").isNotNull();
            }
        }
    }

    @Test
    void theNamesAreTheEventsNames() {
        assertThat(FlightEvents.EVENT_NAMES).containsExactlyInAnyOrderElementsOf(
                EVENTS.stream().map(type -> type.getAnnotation(Name.class).value()).toList());
    }

    @Test
    void theShippedSettingsNameEveryEventAndNoOther() throws IOException, ParseException {
        Path jfc = Path.of("../../docs/autobot.jfc");
        Configuration configuration;
        try (Reader reader = Files.newBufferedReader(jfc)) {
            configuration = Configuration.create(reader);
        }
        Set<String> configured = configuration.getSettings().keySet().stream()
                .map(key -> key.substring(0, key.indexOf('#'))).collect(Collectors.toCollection(TreeSet::new));
        Set<String> declared = EVENTS.stream().map(type -> type.getAnnotation(Name.class).value())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(configured).isEqualTo(declared);
        assertThat(configuration.getSettings()).containsEntry(FlightEvents.PREFIX + "CacheHit#threshold", "1 ms");
    }
}
