package io.autobot.optimizer.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A setting changed while the agent runs, from JMX, the CLI, the API, a scenario or auto-tuning. */
@Name(FlightEvents.PREFIX + "SettingChange")
@Label("Setting Change")
@Category(FlightEvents.CATEGORY)
@Description("A setting changed while the agent runs, from JMX, the CLI, the API, a scenario or auto-tuning.")
@StackTrace(false)
final class SettingChangeEvent extends jdk.jfr.Event {

    @Label("Setting")
    @Description("The environment variable that names the setting")
    String setting;

    @Label("Attribute")
    @Description("The Optimizer MXBean attribute of the setting, if it has one")
    String attribute;

    @Label("Old Value")
    String oldValue;

    @Label("New Value")
    String newValue;
}
