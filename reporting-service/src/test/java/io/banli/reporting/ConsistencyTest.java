package io.banli.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.banli.reporting.statistics.Statistics;
import io.banli.reporting.statistics.Statistics.Overdue;
import io.banli.reporting.statistics.Statistics.Replies;
import io.banli.reporting.statistics.Statistics.Group;
import io.banli.reporting.statistics.Statistics.Share;

/** Seed 002's own arithmetic (115 + 54 + 6 of 170) is what the check must refuse to print. */
class ConsistencyTest {

    @Test
    void partsThatMissTheirWholeAreNamed() {
        List<Share> classes = List.of(new Share("A", "A", 115, new BigDecimal("67.65")),
                new Share("B", "B", 54, new BigDecimal("31.76")), new Share("C", "C", 0, BigDecimal.ZERO),
                new Share("D", "D", 6, new BigDecimal("3.53")));
        Replies replies = new Replies(170, 170, new BigDecimal("100.00"), 170, 0, new BigDecimal("100.00"), classes, 0,
                null, 0, null, 0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, new Overdue(0, 0, 0, 0, 0), 170, 170, 0,
                new BigDecimal("100.00"), new Statistics.Ratings(0, 0, 0, 0, null, null));
        Statistics s = new Statistics("all", Instant.EPOCH, "rule", 170, Map.of("SUGGESTION", 170L, "PROPOSAL", 0L),
                List.of(new Share("OTHER", "其他", 170, new BigDecimal("100.00"))), Map.of("SOLE", 170L),
                Map.of("REPLIED", 170L), 0, Map.of("1", 170L), 1, replies, List.of(),
                170, 170, 0, BigDecimal.ZERO, List.of(new Group("东城区代表团", 170, 170, new BigDecimal("100.00"))),
                List.of(), 0, Map.of("DEPUTY", 170L, "CPPCC_MEMBER", 0L, "GROUP", 0L));
        assertThat(Consistency.problems(s)).containsExactly("办理结果分类之和175不等于170", "办理结果占比之和为102.94%");
    }

    /** Seed 002's 147 of 170 handled by several units: the count must be the items with two or more units. */
    @Test
    void multiUnitItemsAndDelegationsMustAddUp() {
        List<Share> classes = List.of(new Share("A", "A", 170, new BigDecimal("100")), new Share("B", "B", 0,
                BigDecimal.ZERO), new Share("C", "C", 0, BigDecimal.ZERO), new Share("D", "D", 0, BigDecimal.ZERO));
        Replies replies = new Replies(170, 170, new BigDecimal("100"), 170, 0, new BigDecimal("100"), classes, 0,
                null, 0, null, 0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, new Overdue(0, 0, 0, 0, 0), 170, 170, 0,
                new BigDecimal("100"), new Statistics.Ratings(0, 0, 0, 0, null, null));
        Statistics s = new Statistics("all", Instant.EPOCH, "rule", 170, Map.of("SUGGESTION", 0L, "PROPOSAL", 170L),
                List.of(new Share("OTHER", "其他", 170, new BigDecimal("100"))), Map.of("JOINT", 170L),
                Map.of("REPLIED", 170L), 2, Map.of("1", 23L, "2", 100L, "3", 47L), 3, replies, List.of(),
                170, 170, 146, new BigDecimal("86"), List.of(new Group("农业界", 100, 100, new BigDecimal("59")),
                        new Group("经济界", 69, 69, new BigDecimal("41"))),
                List.of(new Group("张副县长", 2, 2, new BigDecimal("100"))), 0,
                Map.of("DEPUTY", 0L, "CPPCC_MEMBER", 170L, "GROUP", 0L));
        assertThat(Consistency.problems(s)).containsExactly("多单位办理件数之和146不等于147", "件数按代表团界别之和169不等于170",
                "已答复件数按代表团界别之和169不等于170");
    }
}
