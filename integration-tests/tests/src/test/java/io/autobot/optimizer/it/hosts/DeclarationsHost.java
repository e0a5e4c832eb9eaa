package io.autobot.optimizer.it.hosts;

import static io.autobot.optimizer.it.hosts.HostOutput.check;

import io.autobot.optimizer.annotations.Batched;
import io.autobot.optimizer.annotations.Parallel;
import io.autobot.optimizer.annotations.RateLimited;
import io.autobot.optimizer.annotations.Timeout;
import java.util.List;

/** Methods whose policy declarations are wrong: each must run as written, unoptimized. */
public class DeclarationsHost {

    @Parallel
    static String nothingToSplit(String text) {
        return text.trim();
    }

    @Parallel(argument = "names")
    static List<String> wrongArgument(List<String> items) {
        return items;
    }

    @Batched(via = "missingAll")
    static String missingVia(String item) {
        return item + "!";
    }

    @Batched(via = "wrongShapeAll")
    static String wrongShape(String item) {
        return item + "?";
    }

    static String wrongShapeAll(String first, String second) {
        return first + second;
    }

    @RateLimited(perSecond = -5)
    static int negativeRate(int x) {
        return x + 1;
    }

    @Timeout("soon")
    static int unparsableTimeout(int x) {
        return x * 2;
    }

    public static void main(String[] args) {
        check(nothingToSplit(" a ").equals("a"), "nothingToSplit");
        check(wrongArgument(List.of("x")).equals(List.of("x")), "wrongArgument");
        check(missingVia("a").equals("a!"), "missingVia");
        check(wrongShape("a").equals("a?"), "wrongShape");
        for (int i = 0; i < 50; i++) {
            check(negativeRate(i) == i + 1, "negativeRate");
        }
        check(unparsableTimeout(21) == 42, "unparsableTimeout");
        HostOutput.printCorrect();
    }
}
