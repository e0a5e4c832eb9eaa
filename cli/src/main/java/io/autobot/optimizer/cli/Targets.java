package io.autobot.optimizer.cli;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM a verb names: a process id, or, as {@code jcmd} accepts, its main class or jar name (or a
 * part of it) as {@code list} shows it. A name must match exactly one other JVM of this user.
 */
final class Targets {

    private Targets() {
    }

    /**
     * The process id {@code target} names.
     *
     * @throws CliException naming what was given and what would be accepted
     */
    static long pid(String target) {
        String given = target.trim();
        if (given.isEmpty()) {
            throw CliException.invalidValue("<pid> is empty: give a process id, or a main class or jar name as"
                    + " 'list' shows them");
        }
        if (given.chars().allMatch(Character::isDigit)) {
            try {
                return Long.parseLong(given);
            } catch (NumberFormatException tooLong) {
                throw CliException.invalidValue("'" + given + "' is not a process id (too large)");
            }
        }
        return byName(given, VirtualMachine.list(), ProcessHandle.current().pid());
    }

    /** The one JVM other than {@code self} whose main class or jar name contains {@code name}. */
    static long byName(String name, List<VirtualMachineDescriptor> jvms, long self) {
        List<VirtualMachineDescriptor> matches = new ArrayList<>();
        for (VirtualMachineDescriptor jvm : jvms) {
            if (!jvm.id().equals(String.valueOf(self)) && mainClassOrJar(jvm.displayName()).contains(name)) {
                matches.add(jvm);
            }
        }
        if (matches.isEmpty()) {
            throw CliException.invalidValue("no JVM of user " + System.getProperty("user.name") + " runs a main class or"
                    + " jar named like '" + name + "'; 'list' shows the JVMs that can be attached to");
        }
        if (matches.size() > 1) {
            StringBuilder which = new StringBuilder();
            for (VirtualMachineDescriptor jvm : matches) {
                which.append(which.length() == 0 ? "" : ", ").append(jvm.id()).append(" (")
                        .append(mainClassOrJar(jvm.displayName())).append(')');
            }
            throw CliException.invalidValue("'" + name + "' names " + matches.size() + " JVMs: " + which
                    + "; give the process id of one");
        }
        return Long.parseLong(matches.get(0).id());
    }

    /** The first word of a JVM's display name: its main class, or the jar it was started with. */
    static String mainClassOrJar(String displayName) {
        String trimmed = displayName == null ? "" : displayName.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
