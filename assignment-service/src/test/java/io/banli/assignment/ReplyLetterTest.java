package io.banli.assignment;

import static io.banli.assignment.AssignmentFixtures.accept;
import static io.banli.assignment.AssignmentFixtures.assign;
import static io.banli.assignment.AssignmentFixtures.path;
import static io.banli.assignment.AssignmentFixtures.proposer;
import static io.banli.assignment.AssignmentFixtures.registeredSubmission;
import static io.banli.assignment.AssignmentFixtures.signFor;
import static io.banli.assignment.AssignmentFixtures.submittedReply;
import static io.banli.assignment.AssignmentFixtures.unit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentParser;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import io.banli.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The sent reply as the letter the proposer receives: readable, in the unified format, only for its readers. */
@QuarkusTest
class ReplyLetterTest {

    @Test
    void theProposerGetsTheLetterWithClassFingerprintAndEvaluationForm() throws Exception {
        long item = registeredSubmission();
        long unit = unit("市教育局");
        assign(item, "SOLE", unit);
        signFor(item, unit);
        long reply = submittedReply(item, unit, "B");
        String letter = path(item, "/replies/" + reply + "/letter");
        given().auth().oauth2(Tokens.member(proposer(item))).get(letter).then().statusCode(404);
        accept(item, reply);
        String fingerprint = given().auth().oauth2(Tokens.office()).get(path(item, "")).then()
                .extract().path("replies[0].fingerprint");

        byte[] pdf = given().auth().oauth2(Tokens.member(proposer(item))).get(letter).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(2);
        // Latin text is plain; Chinese text is written in the UCS-2 encoding of the standard Song font,
        // so the page content carries each phrase as its UTF-16 code units.
        assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("B").contains(fingerprint);
        for (String phrase : List.of("市教育局", "王建华代表：", "承诺事项：", "（印章）", "抄送：")) {
            assertThat(shows(reader.getPageContent(1), phrase)).as(phrase).isTrue();
        }
        for (String phrase : List.of("建议办理情况征询意见表", "□满意　□基本满意　□不满意")) {
            assertThat(shows(reader.getPageContent(2), phrase)).as(phrase).isTrue();
        }

        given().auth().oauth2(Tokens.unitStaff(unit)).get(letter).then().statusCode(200);
        given().auth().oauth2(Tokens.unitStaff(unit + 1)).get(letter).then().statusCode(404);
        given().auth().oauth2(Tokens.member(proposer(item) + 5)).get(letter).then().statusCode(404);
        given().get(letter).then().statusCode(401);
    }

    @Test
    void theLetterPrintsTheCommitteesNumberOfAnImportedItem() throws Exception {
        long item = AssignmentFixtures.nextSubmissionId();
        Map<String, Object> registered = new java.util.LinkedHashMap<>(AssignmentFixtures.registered(item));
        registered.put("number", 5);
        registered.put("committeeNumber", 317);
        io.banli.testing.EventSender.cloudEvent("banli.intake.submissions", String.valueOf(item),
                java.util.UUID.randomUUID().toString(), AssignmentFixtures.REGISTERED,
                io.banli.testing.Contracts.data(AssignmentFixtures.REGISTERED, registered));
        AssignmentFixtures.awaitKnown(item);
        long unit = unit("市交通委");
        try (io.banli.testing.TopicProbe workflow = io.banli.testing.TopicProbe.open(AssignmentFixtures.WORKFLOW_TOPIC)) {
            assign(item, "SOLE", unit);
            // Supervision prints the number its events carry in reminders and notices: the same the letter prints.
            var assigned = workflow.await(io.banli.testing.TopicProbe.ofType("banli.assignment.assigned.v1", String.valueOf(item)));
            assertThat(io.restassured.path.json.JsonPath.from(assigned.value()).getInt("submissionNumber"))
                    .isEqualTo(317);
        }
        signFor(item, unit);
        long reply = submittedReply(item, unit, "A");
        accept(item, reply);

        byte[] pdf = given().auth().oauth2(Tokens.member(proposer(item))).get(path(item, "/replies/" + reply
                + "/letter")).then().statusCode(200).extract().asByteArray();
        PdfReader reader = new PdfReader(pdf);
        // The number the deputy knows from the committee's list, not Banli's session number nor any database id.
        assertThat(shows(reader.getPageContent(1), "关于对第317号建议的答复")).isTrue();
        assertThat(shows(reader.getPageContent(2), "第317号")).isTrue();
        assertThat(shows(reader.getPageContent(1), "第5号")).isFalse();
        assertThat(shows(reader.getPageContent(1), "第" + item + "号")).isFalse();
        // The letter's own document number is the item's too, not the reply's database id.
        assertThat(shows(reader.getPageContent(1), "〕317号")).isTrue();
        if (reply != 317) {
            assertThat(shows(reader.getPageContent(1), "〕" + reply + "号")).isFalse();
        }
    }

    @Test
    void markupAndOddCharactersInTheReplyGiveALetterThatLinksNowhere() throws Exception {
        long item = registeredSubmission();
        long unit = unit("市教育局");
        assign(item, "SOLE", unit);
        signFor(item, unit);
        String text = "您提出的建议收悉。<img src=\"https://tracker.example/x.png\">\u0007\u001b[31m 😀🚗\n"
                + "W".repeat(400) + "\n[链接](https://tracker.example/)";
        long reply = ((Number) given().auth().oauth2(Tokens.unitStaff(unit)).contentType(ContentType.JSON)
                .body(Map.of("text", text, "resultClass", "A")).post(path(item, "/replies")).then().statusCode(201)
                .extract().path("id")).longValue();
        given().auth().oauth2(Tokens.unitHead(unit)).post(path(item, "/replies/" + reply + "/approval")).then()
                .statusCode(200);
        given().auth().oauth2(Tokens.unitStaff(unit)).post(path(item, "/replies/" + reply + "/submission")).then()
                .statusCode(200);
        accept(item, reply);

        byte[] pdf = given().auth().oauth2(Tokens.member(proposer(item))).get(path(item, "/replies/" + reply
                + "/letter")).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(2);
        // Nothing in the letter links or points elsewhere: no page has annotations (links are annotations).
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            assertThat(reader.getPageN(page).get(com.lowagie.text.pdf.PdfName.ANNOTS)).as("page " + page).isNull();
        }
    }

    /** Decodes every string the page shows in the UCS-2 Song font and looks for the phrase among them. */
    static boolean shows(byte[] content, String phrase) throws java.io.IOException {
        PdfContentParser parser = new PdfContentParser(new PRTokeniser(content));
        StringBuilder text = new StringBuilder();
        java.util.ArrayList<PdfObject> operands = new java.util.ArrayList<>();
        while (!parser.parse(operands).isEmpty()) {
            for (PdfObject operand : operands) {
                collect(operand, text);
            }
        }
        return text.toString().contains(phrase);
    }

    private static void collect(PdfObject operand, StringBuilder text) {
        if (operand instanceof PdfString string && string.getOriginalBytes().length % 2 == 0) {
            text.append(new String(string.getOriginalBytes(), StandardCharsets.UTF_16BE));
        } else if (operand instanceof PdfArray array) {
            array.getElements().forEach(element -> collect(element, text));
        }
    }
}
