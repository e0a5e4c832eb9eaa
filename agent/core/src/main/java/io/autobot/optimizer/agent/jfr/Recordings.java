package io.autobot.optimizer.agent.jfr;

import java.util.Map;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * Whether a flight recording that may want the agent's events runs in this JVM (one that turns
 * every one of them off does not count), kept by a listener of the recorder. The first use
 * of an event class (and asking the recorder for its event types) initializes the recorder, which
 * costs hundreds of milliseconds; a listener does not, so the agent's events stay unloaded until a
 * recording starts, however it is started ({@code -XX:StartFlightRecording}, {@code jcmd}, JMC).
 */
final class Recordings implements FlightRecorderListener {

    private static volatile boolean running;

    private Recordings() {
    }

    /** Whether a recording runs: a volatile read, the whole cost of an event while none does. */
    static boolean running() {
        return running;
    }

    /** Starts listening; a JVM without the recorder (or without the jdk.jfr module) leaves it off. */
    static void watch() {
        if (!FlightRecorder.isAvailable()) {
            return;
        }
        FlightRecorder.addListener(new Recordings());
        if (FlightRecorder.isInitialized()) {
            update(); // a recording may have started before the agent (-XX:StartFlightRecording)
        }
    }

    @Override
    public void recorderInitialized(FlightRecorder recorder) {
        update();
    }

    @Override
    public void recordingStateChanged(Recording recording) {
        update();
    }

    private static void update() {
        boolean any = false;
        for (Recording recording : FlightRecorder.getFlightRecorder().getRecordings()) {
            any |= recording.getState() == RecordingState.RUNNING && wantsAny(recording.getSettings());
        }
        running = any;
    }

    /** Whether the settings leave one of the agent's events on (an event they do not name is on). */
    private static boolean wantsAny(Map<String, String> settings) {
        for (String name : FlightEvents.EVENT_NAMES) {
            if (!"false".equals(settings.get(name + "#enabled"))) {
                return true;
            }
        }
        return false;
    }
}
