package io.autobot.optimizer.it.hosts;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The stdin protocol of the long-running hosts (see {@code support.HostProcess}): {@code ready}
 * once, then for each command line its {@code key=value} answer and {@code done}. {@code exit}
 * ends the host.
 */
final class CommandLoop {

    private final Map<String, Supplier<Map<String, Object>>> commands = new LinkedHashMap<>();

    CommandLoop on(String command, Supplier<Map<String, Object>> action) {
        commands.put(command, action);
        return this;
    }

    void serve() throws Exception {
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("exit")) {
            Supplier<Map<String, Object>> action = commands.get(line.trim());
            if (action == null) {
                System.out.println("error=unknown command " + line);
            } else {
                action.get().forEach((key, value) -> System.out.println(key + "=" + value));
            }
            System.out.println("done");
        }
    }
}
