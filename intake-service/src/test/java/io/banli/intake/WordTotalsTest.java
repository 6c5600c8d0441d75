package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.banli.intake.submission.WordTotals;
import io.banli.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * A common word's total kept by V23 says what a count of the session's items holding it says: after the list that
 * asked for it has it kept, through registrations, drafts written, changed and filed, withdrawals and folds; and it
 * is kept only once no item's text is being written.
 */
@QuarkusTest
class WordTotalsTest {

    @Inject
    WordTotals wordTotals;

    @Inject
    EntityManager em;

    @Test
    void aKeptTotalStaysTheCountOfTheSessionsItemsHoldingTheWord() {
        String word = randomWord();
        long session = session("PEOPLES_CONGRESS");
        long elsewhere = session("PEOPLES_CONGRESS");
        long deputy = member("DEPUTY");
        List<Long> filed = new ArrayList<>();
        filed.add(registered(session, deputy, "关于" + word + "的建议", "请研究。"));
        filed.add(registered(session, deputy, "关于渡口的建议", "建议" + word + "。"));
        filed.add(registered(session, deputy, "关于" + word + word + "的建议", "再议" + word + "。"));
        registered(session, deputy, "关于渡口的建议", "无关内容。");
        registered(elsewhere, deputy, "关于" + word + "的建议", "请研究。");
        Draft losing = Draft.written(session, deputy, "关于" + word + "草稿的建议");
        Draft gaining = Draft.written(session, deputy, "关于草稿的建议");
        Draft filing = Draft.written(session, deputy, "关于" + word + "待提交的建议");

        // The list counts the word from the index, finds three items and asks for it to be kept: the next run does.
        assertThat(listed(session, word)).isEqualTo(3).isEqualTo(counted(session, word));
        await().atMost(Duration.ofSeconds(30)).until(() -> kept(session, word));
        assertThat(listed(session, word)).isEqualTo(3);
        assertThat(wordTotals.keep(session, word)).as("kept once").isFalse();

        filed.add(registered(session, deputy, "关于" + word + "的新建议", "请研究。"));
        losing.change("关于草稿的建议");
        gaining.change("关于" + word + "草稿的建议");
        filing.file();
        as(Tokens.member(deputy)).body(IntakeFixtures.versioned(filed.get(0), "reason", "问题已解决"))
                .post("/api/v1/submissions/" + filed.get(0) + "/withdrawal").then().statusCode(200);
        assertThat(listed(session, word)).as("a draft gaining the word is no filed item; a withdrawn one still is")
                .isEqualTo(5).isEqualTo(counted(session, word));
        assertThat(listed(elsewhere, word)).isEqualTo(1).isEqualTo(counted(elsewhere, word));
        assertThat(listedEverywhere(word)).as("the kept total and the other session's count")
                .isEqualTo(6).isEqualTo(counted(null, word));

        wordTotals.fold();
        assertThat(unfolded(session, word)).isZero();
        assertThat(listed(session, word)).isEqualTo(5);
        gaining.file();
        registered(session, deputy, "关于" + word + "的又一建议", "请研究。");
        assertThat(listed(session, word)).isEqualTo(7).isEqualTo(counted(session, word));
        assertThat(listedEverywhere(word)).isEqualTo(8).isEqualTo(counted(null, word));
        // 关于XYXY的建议 holds YX too: two words, counted in each session from the keys.
        String reversed = "" + word.charAt(1) + word.charAt(0);
        assertThat(listedEverywhere(word + " " + reversed)).isEqualTo(counted(null, word, reversed)).isPositive();
    }

    @Test
    void aTotalIsKeptOnlyOnceNoItemsTextIsBeingWritten() throws Exception {
        String word = randomWord();
        long session = session("PEOPLES_CONGRESS");
        long deputy = member("DEPUTY");
        registered(session, deputy, "关于" + word + "的建议", "请研究。");
        long changing = registered(session, deputy, "关于渡口的建议", "请研究。");
        try (Connection writer = IntakeFixtures.databaseOwner(); Statement sql = writer.createStatement()) {
            // An item's text written and not committed yet: its keys gained the word before the total was kept.
            writer.setAutoCommit(false);
            sql.executeUpdate("update submission set title = '关于" + word + "的建议' where id = " + changing);
            assertThatThrownBy(() -> wordTotals.keep(session, word))
                    .as("a count now would miss the item being written").isInstanceOf(RuntimeException.class);
            assertThat(kept(session, word)).isFalse();
            writer.commit();
        }
        // Kept now, once no other writer holds the keys past the wait either.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> wordTotals.keep(session, word));
        assertThat(listed(session, word)).isEqualTo(2).isEqualTo(counted(session, word));
        registered(session, deputy, "关于" + word + "的建议", "请研究。");
        assertThat(listed(session, word)).isEqualTo(3).isEqualTo(counted(session, word));
    }

    /** A member's draft, its version followed. */
    private static final class Draft {
        final long id;
        final long member;
        long version;

        private Draft(long id, long member, long version) {
            this.id = id;
            this.member = member;
            this.version = version;
        }

        static Draft written(long session, long member, String title) {
            var made = as(Tokens.member(member)).body(IntakeFixtures.draft(session, title)).post("/api/v1/drafts")
                    .then().statusCode(201).extract().jsonPath();
            return new Draft(made.getLong("id"), member, made.getLong("version"));
        }

        void change(String title) {
            version = as(Tokens.member(member)).body(Map.of("version", version, "title", title,
                    "body", "建议扩大覆盖面。", "field", "SOCIAL_LIVELIHOOD")).put("/api/v1/drafts/" + id)
                    .then().statusCode(200).extract().jsonPath().getLong("version");
        }

        void file() {
            version = as(Tokens.member(member)).body(Map.of("version", version)).post("/api/v1/drafts/" + id
                    + "/filing").then().statusCode(200).extract().jsonPath().getLong("version");
        }
    }

    private static long registered(long session, long deputy, String title, String body) {
        Map<String, Object> request = new HashMap<>(IntakeFixtures.suggestion(session, deputy));
        request.put("title", title);
        request.put("body", body);
        return ((Number) as(Tokens.office()).body(request).post("/api/v1/submissions?similar=0").then()
                .statusCode(201).extract().path("id")).longValue();
    }

    /**
     * The total of the office's list of the session narrowed by the word, on a page past its end: a word this rare
     * has its page and total read from its items in one statement, and a page without items carries its total as
     * a common word's every page does, kept or counted from the keys.
     */
    private static long listed(long session, String word) {
        return listed(as(Tokens.office()).queryParam("sessionId", session), word);
    }

    /** The same over every session: each session's kept total or count, summed. */
    private static long listedEverywhere(String word) {
        return listed(as(Tokens.office()), word);
    }

    private static long listed(RequestSpecification list, String word) {
        return ((Number) list.queryParam("q", word).queryParam("size", 1).queryParam("page", 100)
                .get("/api/v1/submissions").then().statusCode(200).body("items", hasSize(0)).extract().path("total"))
                .longValue();
    }

    /** The session's filed items holding the word (every session's when it is null), counted one by one. */
    private long counted(Long session, String word) {
        return counted(session, word, word);
    }

    /** The session's filed items holding both words (every session's when it is null), counted one by one. */
    private long counted(Long session, String word, String other) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from submission where (cast(:session as bigint) is null or session_id = :session)
                and state <> 'DRAFT' and (title like :word or body like :word) and (title like :other or body like :other)
                """).setParameter("session", session).setParameter("word", "%" + word + "%")
                .setParameter("other", "%" + other + "%").getSingleResult()).longValue());
    }

    private boolean kept(long session, String word) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from submission_word_totals
                where key = (intake_word_keys(:session, :word, null))[1]""").setParameter("session", session)
                .setParameter("word", word).getSingleResult()).longValue() == 1);
    }

    private long unfolded(long session, String word) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from submission_word_changes
                where key = (intake_word_keys(:session, :word, null))[1]""").setParameter("session", session)
                .setParameter("word", word).getSingleResult()).longValue());
    }

    /** Two characters of the common CJK block: a pair in no other item of the suite's database. */
    private static String randomWord() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new String(new char[] {(char) random.nextInt(0x4e00, 0x9fa6), (char) random.nextInt(0x4e00, 0x9fa6)});
    }
}
