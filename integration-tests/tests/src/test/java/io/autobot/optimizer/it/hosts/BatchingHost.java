package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.check;
import static io.autobot.optimizer.it.hosts.HostOutput.print;

import io.autobot.optimizer.annotations.Batched;
import io.autobot.optimizer.api.AutoBot;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A host whose {@code @Batched} methods have batch methods that count their calls. Many threads
 * call the single methods at once; each checks that it got its own result or its own exception.
 */
public class BatchingHost {

    static final List<Integer> VALIDATE_BATCHES = new CopyOnWriteArrayList<>();
    static final AtomicInteger SINGLE_RUNS = new AtomicInteger();
    static final List<Integer> SEND_BATCHES = new CopyOnWriteArrayList<>();
    static final List<Integer> SLOW_BATCHES = new CopyOnWriteArrayList<>();
    static final List<Integer> TAG_BATCHES = new CopyOnWriteArrayList<>();
    static final AtomicInteger TAG_SINGLE_RUNS = new AtomicInteger();
    static final List<Integer> PRICE_BATCHES = new CopyOnWriteArrayList<>();

    private final String prefix;

    BatchingHost(String prefix) {
        this.prefix = prefix;
    }

    /** One endpoint check; a whole list is checked at once by {@link #validateAll}. */
    @Batched(via = "validateAll", size = 5, maxWait = "3s")
    String validate(String endpoint) {
        SINGLE_RUNS.incrementAndGet();
        if (endpoint.startsWith("bad")) {
            throw new IllegalArgumentException("invalid endpoint " + endpoint);
        }
        return prefix + endpoint;
    }

    /** Returns, in order, each endpoint's result or the exception for it. */
    List<Object> validateAll(List<String> endpoints) {
        VALIDATE_BATCHES.add(endpoints.size());
        List<Object> results = new ArrayList<>();
        for (String endpoint : endpoints) {
            results.add(endpoint.startsWith("bad") ? new IllegalArgumentException("invalid endpoint " + endpoint)
                    : prefix + endpoint);
        }
        return results;
    }

    @Batched(via = "sendAll", size = 4, maxWait = "3s")
    static int send(String event) {
        return event.length();
    }

    static List<Integer> sendAll(List<String> events) {
        SEND_BATCHES.add(events.size());
        if (events.contains("poison")) {
            throw new IllegalStateException("the batch endpoint rejected the batch");
        }
        List<Integer> lengths = new ArrayList<>();
        events.forEach(e -> lengths.add(e.length()));
        return lengths;
    }

    @Batched(via = "lookupAll", size = 100, maxWait = "300ms")
    static String lookup(String key) {
        return key.toUpperCase();
    }

    static List<String> lookupAll(List<String> keys) {
        SLOW_BATCHES.add(keys.size());
        List<String> values = new ArrayList<>();
        keys.forEach(k -> values.add(k.toUpperCase()));
        return values;
    }

    /** Called from one thread at a time: no call ever waits with another. */
    @Batched(via = "tagAll", size = 10, maxWait = "100ms")
    static String tag(String key) {
        TAG_SINGLE_RUNS.incrementAndGet();
        return "#" + key;
    }

    static List<String> tagAll(List<String> keys) {
        TAG_BATCHES.add(keys.size());
        List<String> tags = new ArrayList<>();
        keys.forEach(k -> tags.add("#" + k));
        return tags;
    }

    /** Waits MAX_BATCH_WAIT_TIME for 10 calls. */
    @Batched(via = "priceAll", size = 10)
    static String price(String item) {
        return item + "=1";
    }

    static List<String> priceAll(List<String> items) {
        PRICE_BATCHES.add(items.size());
        List<String> prices = new ArrayList<>();
        items.forEach(i -> prices.add(i + "=1"));
        return prices;
    }

    @Batched(via = "fetchAll", size = 3, maxWait = "5s")
    static String fetch(String key) throws InterruptedException {
        Thread.sleep(100);
        return key.toUpperCase();
    }

    static final CountDownLatch FETCH_ALL_RUNNING = new CountDownLatch(1);

    /** Slow: it answers when the task whose thread runs it is cancelled (and then throws). */
    static List<String> fetchAll(List<String> keys) throws InterruptedException {
        FETCH_ALL_RUNNING.countDown();
        new CountDownLatch(1).await();
        List<String> values = new ArrayList<>();
        keys.forEach(k -> values.add(k.toUpperCase()));
        return values;
    }

    public static void main(String[] args) throws Exception {
        BatchingHost host = new BatchingHost("ok:");
        List<Object> results = together(40, i -> {
            String endpoint = (i % 9 == 4 ? "bad" : "/api/") + i;
            try {
                return host.validate(endpoint).equals("ok:" + endpoint);
            } catch (IllegalArgumentException e) {
                return e.getMessage().equals("invalid endpoint " + endpoint);
            }
        });
        print("validate.own.results", results.stream().allMatch(Boolean.TRUE::equals));
        print("validate.batches", VALIDATE_BATCHES.size());
        print("validate.batched.calls", VALIDATE_BATCHES.stream().mapToInt(Integer::intValue).sum());
        print("validate.single.runs", SINGLE_RUNS.get());

        List<Object> sent = together(8, i -> {
            String event = i == 2 ? "poison" : "event-" + i;
            try {
                return send(event) == event.length() ? "ok" : "wrong";
            } catch (IllegalStateException e) {
                return "rejected";
            }
        });
        long rejected = sent.stream().filter("rejected"::equals).count();
        print("send.batches", SEND_BATCHES.size());
        print("send.rejected", rejected);
        check(sent.stream().allMatch(r -> r.equals("ok") || r.equals("rejected")), "send results");

        List<Object> looked = together(3, i -> lookup("k" + i).equals("K" + i));
        print("lookup.batches", SLOW_BATCHES); // one of 3, or more when a caller came after the first was sent
        print("lookup.batched.items", SLOW_BATCHES.stream().mapToInt(Integer::intValue).sum());
        check(looked.stream().allMatch(Boolean.TRUE::equals), "lookup results");
        cancelTheSender();
        priceFromThreeThreads();
        tagOneAtATime();
        HostOutput.printCorrect();
    }

    /**
     * Two tasks wait in a batch, a third fills it and so runs the batch method on its thread; the
     * host cancels that third task only. The other two get their results, as without the agent.
     */
    private static void cancelTheSender() throws Exception {
        ParkedThreads made = new ParkedThreads();
        ExecutorService threads = Executors.newFixedThreadPool(3, made);
        Future<String> a = threads.submit(() -> fetch("a"));
        made.awaitParked(0); // waits in the batch (or, unbatched, in its body)
        Future<String> b = threads.submit(() -> fetch("b"));
        made.awaitParked(1);
        String[] sender = {"none"};
        Future<String> c = threads.submit(() -> {
            try {
                return fetch("c");
            } catch (InterruptedException e) {
                sender[0] = "interrupted";
                throw e;
            }
        });
        while (FETCH_ALL_RUNNING.getCount() > 0 && !c.isDone()) { // it runs the batch method, or ran unbatched
            Thread.sleep(1);
        }
        c.cancel(true);
        print("cancelled.others", outcome(a).equals("A") && outcome(b).equals("B"));
        threads.shutdown();
        threads.awaitTermination(5, TimeUnit.SECONDS);
        print("cancelled.sender", sender[0]);
    }

    /**
     * Three threads call at once, twice: the first batch waits out MAX_BATCH_WAIT_TIME (2 s) with
     * the three calls; the second, with the wait time made an hour long, is sent at its third call.
     */
    private static void priceFromThreeThreads() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName optimizer = new ObjectName(AutoBot.OPTIMIZER_BEAN);
        for (int i = 0; i < 500 && !server.isRegistered(optimizer); i++) {
            Thread.sleep(20);
        }
        for (double wait : new double[] {2, 3600}) {
            server.setAttribute(optimizer, new Attribute("MaxBatchWaitTime", wait));
            List<Object> priced = together(3, i -> price("i" + i).equals("i" + i + "=1"));
            check(priced.stream().allMatch(Boolean.TRUE::equals), "price results");
        }
        print("price.batch.sizes", PRICE_BATCHES.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    /**
     * Twelve calls one after another: each of the first batches holds one call (the first waits the
     * whole wait time); then batching steps aside. Prints the report's time added by batching.
     */
    private static void tagOneAtATime() {
        for (int i = 0; i < 12; i++) {
            check(tag("k" + i).equals("#k" + i), "tag " + i);
        }
        print("tag.batch.sizes", TAG_BATCHES.stream().map(String::valueOf).collect(Collectors.joining(",")));
        print("tag.single.runs", TAG_SINGLE_RUNS.get());
        Map<?, ?> operations = (Map<?, ?>) AutoBot.performanceReport().get("operations");
        Map<?, ?> figures = (Map<?, ?>) operations.get("BatchingHost.tag");
        print("tag.saved_by_batch", figures == null ? "no operation" : figures.get("time_saved_by_batch"));
    }

    private static String outcome(Future<String> task) {
        try {
            return task.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return e.getCause() == null ? e.toString() : e.getCause().toString();
        }
    }

    /** Runs {@code count} calls on as many threads released at once; returns each call's outcome. */
    private static List<Object> together(int count, Function<Integer, Object> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(threads.submit(() -> {
                start.await();
                return call.apply(index);
            }));
        }
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> future : futures) {
            outcomes.add(future.get(30, TimeUnit.SECONDS));
        }
        threads.shutdown();
        return outcomes;
    }
}
