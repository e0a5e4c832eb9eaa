package io.autobot.optimizer.it.hosts;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Writes a MapDB store that looks like one of another version of the agent: it loads the agent
 * jar and drives the agent's relocated MapDB by reflection (the tests have no MapDB of their own).
 * {@code StoreWriterHost AGENT_JAR FILE FORMAT}.
 */
public class StoreWriterHost {

    private static final String MAPDB = "io.autobot.optimizer.shaded.mapdb.";

    public static void main(String[] args) throws Exception {
        URLClassLoader agent = new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()}, null);
        Class<?> dbMaker = Class.forName(MAPDB + "DBMaker", true, agent);
        Object maker = dbMaker.getMethod("fileDB", File.class).invoke(null, new File(args[1]));
        maker = maker.getClass().getMethod("transactionEnable").invoke(maker);
        Object db = maker.getClass().getMethod("make").invoke(maker);
        Object atomicMaker = db.getClass().getMethod("atomicString", String.class).invoke(db, "format");
        Object format = atomicMaker.getClass().getMethod("createOrOpen").invoke(atomicMaker);
        format.getClass().getMethod("set", String.class).invoke(format, args[2]);
        db.getClass().getMethod("commit").invoke(db);
        db.getClass().getMethod("close").invoke(db);
        System.out.println("written=true");
    }
}
