package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.check;
import static io.autobot.optimizer.it.hosts.HostOutput.print;
import static io.autobot.optimizer.it.hosts.HostOutput.printCorrect;

import io.autobot.optimizer.annotations.Cached;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls that serialize to the same bytes without being equal (a transient field, a custom
 * {@code writeObject}), and instance methods whose receiver goes to disk (an enum), stays out of
 * the key (a stateless service) or keeps the call in memory (a receiver that cannot be
 * serialized). Run twice on one disk cache: every result must be right in both runs.
 */
public class DiskKeysHost {

    static final AtomicInteger PLANET_RUNS = new AtomicInteger();
    static final AtomicInteger PRICER_RUNS = new AtomicInteger();
    static final AtomicInteger ACCOUNT_RUNS = new AtomicInteger();

    /** Equal by path and user; the user is transient, so it is not in the serialized form. */
    static final class Request implements Serializable {
        private static final long serialVersionUID = 1L;
        final String path;
        final transient String user;

        Request(String path, String user) {
            this.path = path;
            this.user = user;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Request r && r.path.equals(path) && Objects.equals(r.user, user);
        }

        @Override
        public int hashCode() {
            return Objects.hash(path, user);
        }
    }

    /** Equal by text and page; its writeObject writes the text only. */
    static final class Query implements Serializable {
        private static final long serialVersionUID = 1L;
        private String text;
        private int page;

        Query(String text, int page) {
            this.text = text;
            this.page = page;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.writeUTF(text);
        }

        private void readObject(ObjectInputStream in) throws IOException {
            text = in.readUTF();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Query q && q.text.equals(text) && q.page == page;
        }

        @Override
        public int hashCode() {
            return Objects.hash(text, page);
        }
    }

    enum Planet {
        EARTH(9.81), MARS(3.72);

        final double gravity;

        Planet(double gravity) {
            this.gravity = gravity;
        }

        @Cached(ttl = "1h")
        double weight(double mass) {
            PLANET_RUNS.incrementAndGet();
            return mass * gravity;
        }
    }

    /** A stateless service: any instance gives the same results. */
    static final class Pricer {
        @Cached(ttl = "1h")
        int price(int units) {
            PRICER_RUNS.incrementAndGet();
            return units * 7;
        }
    }

    /** A receiver with state that cannot be serialized. */
    static final class Account {
        final int balance;

        Account(int balance) {
            this.balance = balance;
        }

        @Cached(ttl = "1h")
        int balanceIn(String currency) {
            ACCOUNT_RUNS.incrementAndGet();
            return currency.equals("EUR") ? balance : balance * 2;
        }
    }

    @Cached(ttl = "1h")
    static String page(Request request) {
        return "page:" + request.path + ":for:" + request.user;
    }

    @Cached(ttl = "1h")
    static String search(Query query) {
        return "search:" + query.text + ":page:" + query.page;
    }

    public static void main(String[] args) {
        for (String user : new String[] {"alice", "bob", null, "carol"}) {
            String page = page(new Request("/inbox", user));
            print("page." + user, page);
            check(page.equals("page:/inbox:for:" + user), "page for " + user);
        }
        for (int number = 1; number <= 2; number++) {
            String search = search(new Query("x", number));
            print("search." + number, search);
            check(search.equals("search:x:page:" + number), "search page " + number);
        }
        Account ten = new Account(10);
        Account twenty = new Account(20);
        for (int round = 0; round < 2; round++) {
            check(Planet.EARTH.weight(10) == 10 * 9.81, "earth");
            check(Planet.MARS.weight(10) == 10 * 3.72, "mars");
            check(new Pricer().price(3) == 21, "price");
            check(ten.balanceIn("EUR") == 10, "account 10");
            check(twenty.balanceIn("EUR") == 20, "account 20");
        }
        print("planet.runs", PLANET_RUNS);
        print("pricer.runs", PRICER_RUNS);
        print("account.runs", ACCOUNT_RUNS);
        printCorrect();
    }
}
