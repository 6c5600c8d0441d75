package io.banli.intake;

import static io.banli.intake.IntakeFixtures.as;
import static io.banli.intake.IntakeFixtures.draft;
import static io.banli.intake.IntakeFixtures.member;
import static io.banli.intake.IntakeFixtures.session;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.banli.intake.importing.ImportJob;
import io.banli.intake.session.Session;
import io.banli.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Input is bounded before it costs memory or reaches storage: request bodies per operation, import files by rows
 * (found while reading, not after), workbooks by what they inflate to, attachments by what their bytes are.
 */
@QuarkusTest
class BoundedInputTest {

    static final int MAX_ROWS = 50_000;

    @Inject
    EntityManager em;

    @Test
    void aJsonBodyOverOneMegabyteIs413ProblemAndStoresNothing() {
        long before = count(Session.class);
        String name = "会".repeat(400_000); // 1.2 MB in UTF-8
        given().auth().oauth2(Tokens.office()).contentType("application/json")
                .body(Map.of("kind", "PEOPLES_CONGRESS", "level", "CITY", "name", name, "year", 2025))
                .post("/api/v1/sessions").then().statusCode(413).contentType("application/problem+json")
                .body("type", endsWith("/body-too-large")).body("status", equalTo(413));
        assertThat(count(Session.class)).isEqualTo(before);
    }

    @Test
    void anImportOverTheRowCapIsRefusedWithoutReadingTheRestOfTheFile() {
        long session = session("PEOPLES_CONGRESS");
        long jobs = count(ImportJob.class);
        StringBuilder json = new StringBuilder("[");
        for (int i = 1; i <= MAX_ROWS + 1; i++) {
            json.append("{\"externalRef\":\"R-").append(i).append("\",\"title\":\"t\"},");
        }
        // Whatever follows row 50,001 is never read: a parser of the whole file would have called this broken JSON.
        json.append("{\"externalRef\": this is not JSON at all");
        given().auth().oauth2(Tokens.office()).contentType("application/json").body(json.toString())
                .queryParam("sessionId", session).post("/api/v1/imports").then().statusCode(422)
                .contentType("application/problem+json").body("type", endsWith("/too-many-rows"));

        StringBuilder csv = new StringBuilder("externalRef,title\n");
        for (int i = 1; i <= MAX_ROWS + 1; i++) {
            csv.append("R-").append(i).append(",t\n");
        }
        given().auth().oauth2(Tokens.office()).contentType("text/csv").body(csv.toString())
                .queryParam("sessionId", session).post("/api/v1/imports").then().statusCode(422)
                .body("type", endsWith("/too-many-rows"));
        assertThat(count(ImportJob.class)).isEqualTo(jobs);
    }

    @Test
    void anXlsxZipBombIsRefusedBeforeItIsParsed() throws IOException {
        long session = session("PEOPLES_CONGRESS");
        long jobs = count(ImportJob.class);
        // 64 MB of one repeated byte deflate to about 64 KB: a ratio of about a thousand.
        byte[] bomb = workbook(1, 64 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(512 * 1024);
        given().auth().oauth2(Tokens.office()).contentType(XLSX).body(bomb).queryParam("sessionId", session)
                .post("/api/v1/imports").then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/unsafe-workbook")).body("detail", containsString("inflates"));

        byte[] manyParts = workbook(1_100, 10);
        given().auth().oauth2(Tokens.office()).contentType(XLSX).body(manyParts).queryParam("sessionId", session)
                .post("/api/v1/imports").then().statusCode(422).body("type", endsWith("/unsafe-workbook"))
                .body("detail", containsString("parts"));
        assertThat(count(ImportJob.class)).isEqualTo(jobs);
    }

    @Test
    void anAttachmentIsWhatItsBytesAreNotWhatItsHeaderSays() {
        long lead = member("DEPUTY");
        long id = ((Number) as(Tokens.member(lead)).body(draft(session("PEOPLES_CONGRESS"), "关于河道治理的建议"))
                .post("/api/v1/drafts").then().statusCode(201).extract().path("id")).longValue();
        String path = "/api/v1/submissions/" + id + "/attachments";

        byte[] page = "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"
                .getBytes(StandardCharsets.UTF_8);
        attach(lead, path, "application/pdf", page, "报告.pdf").then().statusCode(415)
                .contentType("application/problem+json").body("type", endsWith("/attachment-content-mismatch"));
        attach(lead, path, "text/plain", page, "说明.txt").then().statusCode(415)
                .body("type", endsWith("/attachment-content-mismatch"));
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
        attach(lead, path, "application/pdf", program, "报告.pdf").then().statusCode(415)
                .body("detail", containsString("none of"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        attach(lead, path, "image/jpeg", png, "照片.jpg").then().statusCode(415)
                .body("detail", containsString("image/png"));
        attach(lead, path, "application/pdf", new byte[6 * 1024 * 1024 + 1], "大.pdf").then().statusCode(413)
                .contentType("application/problem+json").body("type", endsWith("/body-too-large"));
        given().auth().oauth2(Tokens.member(lead)).get(path).then().statusCode(200).body("size()", equalTo(0));

        byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        attach(lead, path, "application/pdf", pdf, "报告.pdf").then().statusCode(201)
                .body("contentType", equalTo("application/pdf"));
        attach(lead, path, "image/png", png, "照片.png").then().statusCode(201);
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static io.restassured.response.Response attach(long member, String path, String type, byte[] content,
            String name) {
        return given().auth().oauth2(Tokens.member(member)).contentType(type).body(content).queryParam("name", name)
                .post(path);
    }

    /** A zip that starts like a workbook: its content types, then parts of the given size (one repeated byte). */
    private static byte[] workbook(int parts, int partBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types/>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int p = 0; p < parts; p++) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + (p + 1) + ".xml"));
                for (int written = 0; written < partBytes; written += chunk.length) {
                    zip.write(chunk, 0, Math.min(chunk.length, partBytes - written));
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private long count(Class<?> entity) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createQuery("select count(e) from " + entity.getSimpleName() + " e").getSingleResult()).longValue());
    }
}
