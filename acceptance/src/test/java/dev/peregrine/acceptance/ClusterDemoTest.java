package dev.peregrine.acceptance;

import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.Workspace;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the cluster's promise looks like to a user: {@code ./peregrine demo --cluster 3 --kill-leader-at 12s} runs three
 * member processes trading live against the simulated Coinbase, kills the leader, and ends with one state hash on
 * every member and no order sent twice.
 */
class ClusterDemoTest
{
    private static final Pattern MEMBER_HASH = Pattern.compile("member (\\d) \\((leader|follower|candidate)\\): state-hash: (\\p{XDigit}{16}) at event (\\d+)");
    private static final Pattern FAILOVER = Pattern.compile("failover: member (\\d) leads \\(term (\\d+)\\) and sends, ([0-9.]+) s after the kill");
    private static final Pattern KILLED = Pattern.compile("killed the leader, member (\\d) \\(SIGKILL\\)");
    private static final Pattern VENUE_ORDERS = Pattern.compile("orders at the venue: (\\d+) client order ids");

    @Test
    void threeMembersLoseTheirLeaderAndEndWithOneStateHashAndNoOrderSentTwice()
    {
        final Path dir = Workspace.caseDir("cluster-demo");
        final Peregrine.Result demo = Peregrine.run(dir, Map.of(), Duration.ofMinutes(4), "demo", "--cluster", "3",
            "--kill-leader-at", "12s", "--duration", "30s", "--journal", dir.resolve("cluster").toString(),
            "--cluster-port-base", "28400");
        final String output = demo.output();
        final SoftAssertions soft = new SoftAssertions();
        soft.assertThat(demo.exitCode()).as("exit code\n%s", demo.describe()).isZero();

        final Matcher killed = KILLED.matcher(output);
        final Matcher failover = FAILOVER.matcher(output);
        soft.assertThat(killed.find()).as("a kill line in\n%s", output).isTrue();
        soft.assertThat(failover.find()).as("a failover line in\n%s", output).isTrue();
        if (killed.find(0) && failover.find(0))
        {
            soft.assertThat(failover.group(1)).as("the new leader").isNotEqualTo(killed.group(1));
            soft.assertThat(Double.parseDouble(failover.group(3))).as("seconds from the kill to the new leader sending")
                .isPositive().isLessThan(60);
        }

        final Matcher member = MEMBER_HASH.matcher(output);
        final List<String> hashes = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        while (member.find())
        {
            hashes.add(member.group(3));
            events.add(member.group(4));
        }
        soft.assertThat(hashes).as("one state hash line per member in\n%s", output).hasSize(3);
        soft.assertThat(hashes).as("every member's state hash").containsOnly(hashes.isEmpty() ? "" : hashes.get(0));
        soft.assertThat(events).as("the event count each hash was taken at").containsOnly(events.isEmpty() ? "" : events.get(0));

        final Matcher orders = VENUE_ORDERS.matcher(output);
        soft.assertThat(orders.find()).as("the venue's order count in\n%s", output).isTrue();
        if (orders.find(0))
        {
            soft.assertThat(Integer.parseInt(orders.group(1))).as("orders the venue received").isGreaterThan(5);
        }
        soft.assertThat(output).contains("duplicate orders at the venue: 0", "one state hash on every member");
        soft.assertAll();
    }
}
