package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Duplicates and precedents: Chinese titles and bodies compared by character bigrams, across sessions. */
@QuarkusTest
class SimilarityTest {

    @Inject
    DataSource dataSource;

    @Test
    void theMostSimilarItemsOfThisAndEarlierSessionsComeFirstWithAScore() {
        long deputy = member("DEPUTY");
        long earlier = session("PEOPLES_CONGRESS", Map.of("year", 2024));
        long current = session("PEOPLES_CONGRESS", Map.of("year", 2025));
        long later = session("PEOPLES_CONGRESS", Map.of("year", 2026));
        long precedent = file(earlier, deputy, "关于推进翡翠河沿岸老旧小区加装电梯的建议",
                "翡翠河沿岸老旧小区多为六层住宅，老年居民上下楼困难，建议简化加装电梯审批，设立专项补贴。");
        long sameSession = file(current, deputy, "关于翡翠河沿岸小区加装电梯的建议",
                "建议对翡翠河沿岸老旧小区加装电梯给予补贴，简化审批流程。");
        long unrelated = file(current, deputy, "关于发展翡翠镇特色农业的建议", "建议扶持翡翠镇茶叶种植合作社，打造区域品牌。");
        long future = file(later, deputy, "关于推进翡翠河沿岸老旧小区加装电梯的建议",
                "翡翠河沿岸老旧小区多为六层住宅，建议简化加装电梯审批。");
        long item = file(current, deputy, "关于加快翡翠河沿岸老旧小区加装电梯的建议",
                "翡翠河沿岸老旧小区老年居民上下楼困难，建议简化加装电梯审批，设立专项补贴。");

        JsonPath similar = given().auth().oauth2(Tokens.office()).queryParam("minScore", 0.3)
                .get("/api/v1/submissions/" + item + "/similar").then().statusCode(200).extract().jsonPath();
        List<Integer> ids = similar.getList("id", Integer.class);
        assertThat(ids).as("the earlier session's precedent and this session's duplicate, not a later session's")
                .startsWith((int) precedent, (int) sameSession).doesNotContain((int) item, (int) future, (int) unrelated);
        List<Float> scores = similar.getList("score", Float.class);
        assertThat(scores.get(0)).isGreaterThan(0.5f).isLessThanOrEqualTo(1f);
        assertThat(scores).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(similar.getString("[0].sessionName")).isNotBlank();

        // A member does not browse other members' items through this.
        given().auth().oauth2(Tokens.member(deputy)).get("/api/v1/submissions/" + item + "/similar").then().statusCode(403);
        given().auth().oauth2(Tokens.office()).get("/api/v1/submissions/987654/similar").then().statusCode(404);
        given().auth().oauth2(Tokens.office()).queryParam("minScore", 2).get("/api/v1/submissions/" + item + "/similar")
                .then().statusCode(400);
    }

    /**
     * The search scores candidates with its own arithmetic (each part's shared codes counted once); every score it
     * shows must be the definition's: V13's Jaccard of the stored codes, weighted 0.6 and 0.4, rounded to three.
     */
    @Test
    void everyScoreShownIsTheWeightedJaccardOfTheStoredCodes() throws Exception {
        long deputy = member("DEPUTY");
        long session = session("PEOPLES_CONGRESS", Map.of("year", 2025));
        String[] words = {"翡翠河", "老旧小区", "加装电梯", "专项补贴", "简化审批", "老年居民", "停车难", "口袋公园", "社区食堂",
            "养老服务", "Wi-Fi", "5G"};
        Random random = new Random(21);
        long item = 0;
        for (int n = 0; n < 12; n++) {
            item = file(session, deputy, "关于" + draw(words, 3, random) + "的建议", "建议" + draw(words, 8, random) + "。");
        }
        JsonPath similar = given().auth().oauth2(Tokens.office()).queryParam("minScore", 0).queryParam("limit", 50)
                .get("/api/v1/submissions/" + item + "/similar").then().statusCode(200).extract().jsonPath();
        List<Integer> ids = similar.getList("id", Integer.class);
        assertThat(ids).as("texts drawn from twelve words share codes").hasSizeGreaterThan(5);

        Map<Integer, Float> expected = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement scores = c.prepareStatement("""
                        select o.submission_id, round(cast(0.6 * intake_jaccard_codes(o.title_codes, me.title_codes)
                            + 0.4 * intake_jaccard_codes(o.body_codes, me.body_codes) as numeric), 3)
                        from submission_similarity o, submission_similarity me
                        where me.submission_id = ? and o.submission_id = any(?)""")) {
            scores.setLong(1, item);
            scores.setArray(2, c.createArrayOf("int8", ids.stream().map(Integer::longValue).toArray()));
            try (ResultSet rs = scores.executeQuery()) {
                while (rs.next()) {
                    expected.put(rs.getInt(1), rs.getFloat(2));
                }
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            assertThat(similar.getFloat("[" + i + "].score")).as("item %d", ids.get(i))
                    .isEqualTo(expected.get(ids.get(i)));
        }
    }

    private static String draw(String[] words, int count, Random random) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < count; k++) {
            text.append(words[random.nextInt(words.length)]);
        }
        return text.toString();
    }

    @Test
    void aBodyRepeatedUnderAnotherTitleIsFoundAtRegistration() {
        long deputy = member("DEPUTY");
        long session = session("PEOPLES_CONGRESS", Map.of("year", 2025));
        String body = "城北农贸市场冷链设施老化，夏季生鲜损耗大，建议由区商务局牵头改造冷库，建立进货台账和快检制度。";
        long copy = file(session, deputy, "关于完善社区养老服务网络的建议", body);

        Map<String, Object> request = filing(session, deputy, "关于加强农贸市场食品安全监管的建议", body);
        JsonPath registered = as(Tokens.office()).body(request).post("/api/v1/submissions").then().statusCode(201)
                .extract().jsonPath();
        List<Integer> ids = registered.getList("similar.id", Integer.class);
        assertThat(ids).as("titles share no bigram; the body alone names the earlier item").contains((int) copy);
        // The same sets as before the bigrams became codes: no title bigram in common, the whole body in common.
        assertThat(registered.getFloat("similar[" + ids.indexOf((int) copy) + "].score")).isEqualTo(0.4f);
    }

    @Test
    void aDraftIsNoPrecedentUntilFiledAndThenWithTheTextItWasFiledWith() {
        long deputy = member("DEPUTY");
        long session = session("PEOPLES_CONGRESS", Map.of("year", 2025));
        String first = "琥珀湾渔港码头年久失修，渔船停靠困难，建议区海洋渔业局牵头加固堤岸并增设系泊设施。";
        String last = "琥珀湾夜市摊位占道经营，消防通道常被堵塞，建议街道划定经营区域并配备流动消防站。";
        Map<String, Object> draft = new HashMap<>(IntakeFixtures.draft(session, "关于修缮琥珀湾渔港码头的建议"));
        draft.put("body", first);
        long id = ((Number) as(Tokens.member(deputy)).body(draft).post("/api/v1/drafts").then().statusCode(201)
                .extract().path("id")).longValue();
        assertThat(similarIds(register(session, deputy, "关于修缮琥珀湾渔港码头的建议", first)))
                .as("a draft is the member's own until filed").doesNotContain((int) id);

        Map<String, Object> edited = new HashMap<>(draft);
        edited.remove("kind");
        edited.remove("sessionId");
        edited.put("version", 0);
        edited.put("title", "关于规范琥珀湾夜市经营秩序的建议");
        edited.put("body", last);
        as(Tokens.member(deputy)).body(edited).put("/api/v1/drafts/" + id).then().statusCode(200);
        as(Tokens.member(deputy)).body(Map.of("version", 1)).post("/api/v1/drafts/" + id + "/filing")
                .then().statusCode(200);

        assertThat(similarIds(register(session, deputy, "关于规范琥珀湾夜市经营秩序的建议", last)))
                .as("filed, it is found by the text it was filed with").contains((int) id);
        assertThat(similarIds(register(session, deputy, "关于修缮琥珀湾渔港码头的建议", first)))
                .as("and no longer by the draft's first text").doesNotContain((int) id);
    }

    @Test
    void anOfficeKeyingPaperItemsMayLeaveTheSearchOutAndLookAfterwards() {
        long deputy = member("DEPUTY");
        long session = session("PEOPLES_CONGRESS", Map.of("year", 2025));
        String body = "珊瑚岛轮渡班次少，雨季常停航，建议区交通局增开早晚班次并改造候船亭，方便岛上居民出行就医。";
        long earlier = file(session, deputy, "关于增开珊瑚岛轮渡班次的建议", body);
        Map<String, Object> request = filing(session, deputy, "关于增开珊瑚岛轮渡早晚班次的建议", body);

        as(Tokens.office()).queryParam("similar", 51).body(request).post("/api/v1/submissions").then()
                .statusCode(400).contentType("application/problem+json");
        JsonPath quick = as(Tokens.office()).queryParam("similar", 0).body(request).post("/api/v1/submissions")
                .then().statusCode(201).extract().jsonPath();
        assertThat(quick.getInt("number")).as("registered and numbered; the refused request took no number")
                .isEqualTo(2);
        assertThat(quick.getMap("")).as("not looked for, which an empty list would not say")
                .containsEntry("similar", null);
        List<Integer> afterwards = given().auth().oauth2(Tokens.office())
                .get("/api/v1/submissions/" + quick.getLong("id") + "/similar").then().statusCode(200).extract()
                .jsonPath().getList("id", Integer.class);
        assertThat(afterwards).startsWith((int) earlier);

        assertThat(similarIds(as(Tokens.office()).queryParam("similar", 1).body(request).post("/api/v1/submissions")
                .then().statusCode(201).extract().jsonPath())).as("as many as asked for, the best").hasSize(1);
    }

    private static JsonPath register(long session, long deputy, String title, String body) {
        return as(Tokens.office()).body(filing(session, deputy, title, body)).post("/api/v1/submissions").then()
                .statusCode(201).extract().jsonPath();
    }

    private static List<Integer> similarIds(JsonPath registered) {
        return registered.getList("similar.id", Integer.class);
    }

    private static long file(long session, long deputy, String title, String body) {
        return ((Number) as(Tokens.office()).body(filing(session, deputy, title, body)).post("/api/v1/submissions")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    private static Map<String, Object> filing(long session, long deputy, String title, String body) {
        Map<String, Object> request = new HashMap<>(IntakeFixtures.suggestion(session, deputy));
        request.put("title", title);
        request.put("body", body);
        return request;
    }
}
