package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

import io.banli.kit.sql.OneHqlTranslationAtATime;
import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Filters, full-text search over title and body, sort and stable pagination. */
@QuarkusTest
class SearchTest {

    @Inject
    SessionFactory sessionFactory;

    @Test
    void filtersCombineAndFullTextFindsChineseWordsInTitleOrBody() {
        long session = session("PEOPLES_CONGRESS");
        long wang = member("DEPUTY");
        long li = member("DEPUTY");
        long lift = file(session, wang, "关于老旧小区加装电梯的建议", "建议设立专项补贴。", "URBAN_CONSTRUCTION_TRANSPORT", true);
        long school = file(session, li, "关于课后服务的建议", "建议扩大覆盖面，老旧小区周边学校优先。", "SOCIAL_LIVELIHOOD", false);
        long bus = file(session, wang, "关于公交线网的建议", "建议加密站点。", "URBAN_CONSTRUCTION_TRANSPORT", false);

        assertThat(ids(office(session).queryParam("q", "老旧小区"))).containsExactly(lift, school);
        assertThat(ids(office(session).queryParam("q", "老旧小区 补贴"))).containsExactly(lift);
        assertThat(ids(office(session).queryParam("q", "100%"))).isEmpty();
        assertThat(ids(office(session).queryParam("field", "URBAN_CONSTRUCTION_TRANSPORT"))).containsExactly(lift, bus);
        assertThat(ids(office(session).queryParam("keyItem", true))).containsExactly(lift);
        assertThat(ids(office(session).queryParam("proposerId", wang).queryParam("sort", "-id")))
                .containsExactly(bus, lift);
        assertThat(ids(office(session).queryParam("state", "REGISTERED").queryParam("kind", "SUGGESTION")
                .queryParam("sort", "title"))).containsExactly(bus, lift, school);
        assertThat(ids(office(session).queryParam("state", "RECEIVED"))).isEmpty();
        assertThat(ids(office(session).queryParam("sort", "-number"))).containsExactly(bus, school, lift);
    }

    @Test
    void sixteenFirstSearchesOfANewShapeAtOnceAllAnswerAndHibernateTranslatesOneAtATime() throws Exception {
        assertThat(sessionFactory.unwrap(SessionFactoryImplementor.class).getQueryEngine().getHqlTranslator())
                .as("the kit's translator, which takes one new string at a time")
                .isInstanceOf(OneHqlTranslationAtATime.class);
        long session = session("PEOPLES_CONGRESS");
        long wang = member("DEPUTY");
        long ferry = file(session, wang, "关于渡口码头改造的建议", "建议码头加装护栏。", "OTHER", true);
        // A combination of filters no other test asks for: its HQL is new to this service.
        ExecutorService portals = Executors.newFixedThreadPool(16);
        try {
            List<Future<List<Long>>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(portals.submit(() -> ids(office(session).queryParam("q", "码头 护栏 改造")
                        .queryParam("field", "OTHER").queryParam("keyItem", true).queryParam("proposerId", wang)
                        .queryParam("kind", "SUGGESTION").queryParam("sort", "-title"))));
            }
            for (Future<List<Long>> answer : answers) {
                assertThat(answer.get()).containsExactly(ferry);
            }
        } finally {
            portals.shutdown();
        }
    }

    @Test
    void latinWordsMatchInAnyCaseAndChineseWordsAsWritten() {
        long session = session("PEOPLES_CONGRESS");
        long wang = member("DEPUTY");
        long wifi = file(session, wang, "关于公共场所WiFi覆盖的建议", "建议图书馆开放免费网络。", "OTHER", false);
        long park = file(session, wang, "关于公园的建议", "建议公园增设wifi热点和5G基站。", "OTHER", false);

        assertThat(ids(office(session).queryParam("q", "WIFI"))).containsExactly(wifi, park);
        assertThat(ids(office(session).queryParam("q", "wifi 图书馆"))).containsExactly(wifi);
        assertThat(ids(office(session).queryParam("q", "5g"))).containsExactly(park);
        assertThat(ids(office(session).queryParam("q", "公园 5G"))).containsExactly(park);
        assertThat(ids(office(session).queryParam("q", "图书"))).containsExactly(wifi);
    }

    @Test
    void aWordIsFoundInTheTextAsItStandsFromTheFirstDraftOn() {
        // Words of random characters: their pairs are rare in any database the suite runs on, so the list finds
        // them through V22's index of every item's keys (a common word is read in the items: the same answer).
        String first = randomWord();
        String second = randomWord();
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        long draft = drafted(lead, session, "关于" + first + "的建议");
        assertThat(ids(as(Tokens.member(lead)).queryParam("q", first))).containsExactly(draft);

        as(Tokens.member(lead)).body(Map.of("version", 0, "title", "关于渡口的建议", "body", "建议" + second + "。",
                "field", "SOCIAL_LIVELIHOOD")).put("/api/v1/drafts/" + draft).then().statusCode(200);
        assertThat(ids(as(Tokens.member(lead)).queryParam("q", first))).isEmpty();
        assertThat(ids(as(Tokens.member(lead)).queryParam("q", second))).containsExactly(draft);
        assertThat(ids(as(Tokens.member(lead)).queryParam("q", "渡口 " + second))).containsExactly(draft);
        // The page and its total in one statement; a page past the end still has the total.
        for (int page : List.of(0, 3)) {
            as(Tokens.member(lead)).queryParam("q", second).queryParam("page", page).get("/api/v1/submissions").then()
                    .statusCode(200).body("total", equalTo(1), "items", hasSize(page == 0 ? 1 : 0));
        }
        // Every bigram of the word in title and body (the index's candidate), but not the word itself: not found.
        String scattered = second.substring(0, 2) + "，" + second.substring(1);
        long filed = file(session, lead, "关于" + second.substring(0, 2) + "的建议", "建议" + scattered + "。", "OTHER",
                false);
        assertThat(ids(office(session).queryParam("q", second))).isEmpty();
        assertThat(ids(office(session).queryParam("q", second.substring(1)))).containsExactly(filed);
        long again = file(session, lead, "关于再议" + first + "的建议", "建议再议。", "OTHER", false);
        long third = file(session, lead, "关于三议的建议", "建议" + first + "。", "OTHER", false);
        pagesOfOne(() -> office(session).queryParam("q", first), again, third);
    }

    @Test
    void aTwoCharacterWordsTotalCountsTheSessionsItemsThatHoldIt() throws Exception {
        String topic = randomWord();
        long session = session("PEOPLES_CONGRESS");
        long elsewhere = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        long titled = file(session, lead, "关于" + topic + "的建议", "请研究。", "OTHER", false);
        // Both characters of 建议, apart: neither the word nor its pair.
        long apart = file(session, lead, "关于" + topic + "的意见", "建，议" + topic + "。", "OTHER", false);
        long inBody = file(session, lead, "关于" + topic + "的意见", "建议" + topic + "。", "OTHER", false);
        long other = file(elsewhere, lead, "关于" + topic + "的建议", "请研究。", "OTHER", false);
        // A draft holds the words and has its keys (its member finds it), but the office's lists leave drafts out.
        long draft = drafted(lead, session, "关于" + topic + "草稿的建议");
        // Statistics as autovacuum leaves them, read by the service as it decides which codes are rare.
        try (Connection owner = IntakeFixtures.databaseOwner(); Statement sql = owner.createStatement()) {
            sql.execute("analyze submission_words");
        }

        // Every page and the one just past the end, where no row carries the total and V22's keys count it.
        pagesOfOne(() -> office(session).queryParam("q", "建议"), titled, inBody);
        pagesOfOne(() -> office(session).queryParam("q", "建议 " + topic.substring(0, 2)), titled, inBody);
        office(session).queryParam("q", "建议 " + topic).queryParam("page", 1).get("/api/v1/submissions").then()
                .statusCode(200).body("total", equalTo(2), "items", hasSize(0));
        office(elsewhere).queryParam("q", "建议").queryParam("page", 1).get("/api/v1/submissions").then()
                .statusCode(200).body("total", equalTo(1), "items", hasSize(0));
        // A rare word, in both sessions: each session lists its own, a member's list over every session all of them.
        assertThat(ids(office(elsewhere).queryParam("q", topic))).containsExactly(other);
        assertThat(ids(office(session).queryParam("q", topic))).containsExactly(titled, apart, inBody);
        assertThat(ids(as(Tokens.member(lead)).queryParam("q", topic)))
                .containsExactly(titled, apart, inBody, other, draft);
    }

    @Test
    void eachListedItemCarriesItsOwnCoSignersAndMembersListWhatTheyLeadOrCoSign() {
        long session = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        long first = member("DEPUTY");
        long second = member("DEPUTY");
        long signed = coSigned(session, lead, second, first);
        long alone = file(session, lead, "关于独自提出的建议", "建议独自提出。", "OTHER", false);

        var page = office(session).get("/api/v1/submissions").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id", Long.class)).containsExactly(signed, alone);
        assertThat(page.getList("items[0].coSigners.memberId", Long.class)).containsExactly(first, second);
        assertThat(page.getList("items[0].coSigners.state", String.class)).containsOnly("SIGNED");
        assertThat(page.getList("items[1].coSigners", Object.class)).isEmpty();
        // A member lists what they lead and what they co-sign, nothing else.
        assertThat(ids(given().auth().oauth2(Tokens.member(lead)).queryParam("sessionId", session)))
                .containsExactly(signed, alone);
        assertThat(ids(given().auth().oauth2(Tokens.member(first)).queryParam("sessionId", session)))
                .containsExactly(signed);
    }

    @Test
    void aMembersWholeListCountsWhatTheyLeadCoSignOrAreInvitedToAndTheirDraftsOnce() {
        long session = session("PEOPLES_CONGRESS");
        long later = session("PEOPLES_CONGRESS");
        long lead = member("DEPUTY");
        long other = member("DEPUTY");
        long signed = coSigned(session, lead, other);
        long nextYear = file(later, lead, "关于次年的建议", "建议次年继续。", "OTHER", false);
        long draft = drafted(lead, session, "关于未提交草稿的建议");
        long invitedTo = drafted(other, later, "关于邀请附议的建议");
        as(Tokens.member(other)).body(Map.of("version", 0, "memberIds", List.of(lead)))
                .post("/api/v1/drafts/" + invitedTo + "/co-signers").then().statusCode(200);

        // Unfiltered, the total counts the member's ids; any filter counts the matching items: both say the same.
        for (long member : List.of(lead, other)) {
            var all = given().auth().oauth2(Tokens.member(member)).queryParam("size", 200).get("/api/v1/submissions")
                    .then().statusCode(200).extract().jsonPath();
            int total = all.getInt("total");
            assertThat(total).isEqualTo(all.getList("items").size());
            given().auth().oauth2(Tokens.member(member)).queryParam("size", 1).get("/api/v1/submissions").then()
                    .body("total", equalTo(total), "items", hasSize(1));
            int bySession = 0;
            for (long s : List.of(session, later)) {
                bySession += given().auth().oauth2(Tokens.member(member)).queryParam("sessionId", s)
                        .get("/api/v1/submissions").then().statusCode(200).extract().<Integer>path("total");
            }
            assertThat(bySession).isEqualTo(total);
        }
        assertThat(ids(given().auth().oauth2(Tokens.member(lead)))).containsExactly(signed, nextYear, draft, invitedTo);
        assertThat(ids(given().auth().oauth2(Tokens.member(other)))).containsExactly(signed, invitedTo);
    }

    @Test
    void pagesAreStableAndCoverEveryItemOnce() {
        long session = session("PEOPLES_CONGRESS");
        long deputy = member("DEPUTY");
        List<Long> filed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            filed.add(file(session, deputy, "同名建议", "同样的内容。", "OTHER", false));
        }
        List<Long> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            seen.addAll(ids(office(session).queryParam("sort", "title").queryParam("size", 3).queryParam("page", page)));
        }
        assertThat(seen).containsExactlyElementsOf(filed);
        office(session).queryParam("size", 3).get("/api/v1/submissions").then().body("total", equalTo(7));
    }

    @Test
    void badParametersAreNamed() {
        given().auth().oauth2(Tokens.office()).queryParam("sort", "body; drop table submission")
                .get("/api/v1/submissions").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.office()).queryParam("size", 201).get("/api/v1/submissions").then().statusCode(400);
        given().auth().oauth2(Tokens.office()).queryParam("page", -1).get("/api/v1/submissions").then().statusCode(400);
        given().auth().oauth2(Tokens.office()).queryParam("state", "LOST").get("/api/v1/submissions").then().statusCode(400);
        given().auth().oauth2(Tokens.office()).queryParam("sessionId", "abc").get("/api/v1/submissions")
                .then().statusCode(400);
    }

    private static RequestSpecification office(long session) {
        return given().auth().oauth2(Tokens.office()).queryParam("sessionId", session);
    }

    /** The office registers the lead's suggestion, its co-signers signed on paper. */
    private static long coSigned(long session, long lead, Long... coSigners) {
        Map<String, Object> request = new HashMap<>(IntakeFixtures.suggestion(session, lead));
        request.put("coSignerIds", List.of(coSigners));
        return ((Number) as(Tokens.office()).body(request).post("/api/v1/submissions").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private static long drafted(long member, long session, String title) {
        return ((Number) as(Tokens.member(member)).body(IntakeFixtures.draft(session, title)).post("/api/v1/drafts")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    /** Four characters drawn from the common CJK block: in no other item of the suite's database. */
    private static String randomWord() {
        StringBuilder word = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 4; i++) {
            word.append((char) random.nextInt(0x4e00, 0x9fa6));
        }
        return word.toString();
    }

    /**
     * The list in pages of one: each page holds the next of {@code expected}, in order, and the page after the last
     * is empty; every page carries the list's whole total.
     */
    private static void pagesOfOne(Supplier<RequestSpecification> list, long... expected) {
        for (int page = 0; page <= expected.length; page++) {
            list.get().queryParam("size", 1).queryParam("page", page).get("/api/v1/submissions").then()
                    .statusCode(200).body("total", equalTo(expected.length), "items.id",
                            equalTo(page < expected.length ? List.of((int) expected[page]) : List.of()));
        }
    }

    private static List<Long> ids(RequestSpecification request) {
        return request.get("/api/v1/submissions").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class);
    }

    private static long file(long session, long deputy, String title, String body, String field, boolean key) {
        Map<String, Object> request = new HashMap<>(IntakeFixtures.suggestion(session, deputy));
        request.put("title", title);
        request.put("body", body);
        request.put("field", field);
        if (key) {
            request.put("keyItem", true);
            request.put("leadingOfficial", "李副市长");
        }
        return ((Number) as(Tokens.office()).body(request).post("/api/v1/submissions").then().statusCode(201)
                .extract().path("id")).longValue();
    }
}
