package io.banli.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Loads the demo session through the public APIs, exactly as the office and a unit would. The ids
 * it creates (sessions 1–2, members 1–4, units 1–4, submissions 1–5) are the ones the OpenAPI
 * examples use, so every example works as-is against the local run.
 */
final class DemoData {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String intake;
    private final String assignment;
    private final String office = DevTokens.sign("office-demo", "office", Map.of());

    DemoData(String intakeUrl, String assignmentUrl) {
        this.intake = intakeUrl;
        this.assignment = assignmentUrl;
    }

    /** True when this data folder already holds the demo (the local run keeps its data). */
    boolean loaded() throws IOException, InterruptedException {
        return !call("GET", intake + "/api/v1/sessions", null, office, 200).equals("[]");
    }

    void load() throws IOException, InterruptedException {
        post(intake + "/api/v1/sessions", """
                {"kind": "PEOPLES_CONGRESS", "level": "CITY", "name": "市六届人大三次会议", "year": 2025}""");
        post(intake + "/api/v1/sessions", """
                {"kind": "CPPCC", "level": "CITY", "name": "市政协六届三次会议", "year": 2025}""");
        post(intake + "/api/v1/members", """
                {"kind": "DEPUTY", "name": "王建华", "delegation": "东城区代表团", "phone": "13900001001"}""");
        post(intake + "/api/v1/members", """
                {"kind": "DEPUTY", "name": "李秀英", "delegation": "西城区代表团", "phone": "13900001002"}""");
        post(intake + "/api/v1/members", """
                {"kind": "CPPCC_MEMBER", "name": "张伟", "delegation": "经济界", "phone": "13900001003"}""");
        post(intake + "/api/v1/members", """
                {"kind": "CPPCC_MEMBER", "name": "刘芳", "delegation": "教育界", "phone": "13900001004"}""");
        post(assignment + "/api/v1/units", """
                {"name": "市教育局", "kind": "BUREAU"}""");
        post(assignment + "/api/v1/units", """
                {"name": "市交通运输局", "kind": "BUREAU"}""");
        post(assignment + "/api/v1/units", """
                {"name": "市住房和城乡建设局", "kind": "BUREAU"}""");
        post(assignment + "/api/v1/units", """
                {"name": "东城区人民政府", "kind": "DISTRICT_GOVERNMENT"}""");
        post(intake + "/api/v1/submissions", """
                {"kind": "SUGGESTION", "sessionId": 1, "title": "关于增加中小学课后服务供给的建议",
                 "body": "建议扩大课后服务覆盖面，引入优质社会资源，减轻家长接送负担。",
                 "field": "SOCIAL_LIVELIHOOD", "leadProposerId": 1}""");
        post(intake + "/api/v1/submissions", """
                {"kind": "SUGGESTION", "sessionId": 1, "title": "关于优化城区公交线网的建议",
                 "body": "建议优化公交线网布局，加密老旧小区周边站点，推进公交与地铁换乘衔接。",
                 "field": "URBAN_CONSTRUCTION_TRANSPORT", "leadProposerId": 2}""");
        post(intake + "/api/v1/submissions", """
                {"kind": "PROPOSAL", "sessionId": 2, "title": "关于支持中小企业数字化转型的提案",
                 "body": "建议设立数字化转型专项资金，搭建公共服务平台，培育一批转型示范企业。",
                 "field": "ECONOMY_SCIENCE", "leadProposerId": 3}""");
        // The demo portal (the "platform" token of deploy/run) is registered: intake refuses unregistered clients.
        post(intake + "/api/v1/platform-clients", """
                {"clientId": "portal-demo", "name": "市人大代表履职服务平台（演示）", "owner": "市人大常委会代表工作室",
                 "contactName": "赵敏", "contactEmail": "portal-demo@example.com", "allMembers": true,
                 "scopes": ["submissions:write", "submissions:read", "progress:read", "evaluations:write",
                            "webhooks:manage", "statistics:read"]}""");
        portalFiling();
        // Submission 1: assigned to one unit and already replied; 2: a joint assignment being
        // handled; 3: registered and waiting for the office.
        awaitInAssignment(1);
        awaitInAssignment(2);
        post(assignment + "/api/v1/submissions/1/assignment", """
                {"mode": "SOLE", "leadUnitId": 1, "coUnitIds": []}""");
        post(assignment + "/api/v1/submissions/2/assignment", """
                {"mode": "JOINT", "leadUnitId": 2, "coUnitIds": [3]}""");
        // Unit 1 signs for it, drafts, its head signs the reply, the office accepts and sends it.
        String staff = DevTokens.sign("staff-demo", "unit-staff", Map.of("unit_id", "1"));
        String head = DevTokens.sign("head-demo", "unit-head", Map.of("unit_id", "1"));
        call("POST", assignment + "/api/v1/submissions/1/sign-for", null, staff, 200);
        call("POST", assignment + "/api/v1/submissions/1/replies", """
                {"text": "您提出的关于增加中小学课后服务供给的建议收悉。我局已推动全市义务教育学校课后服务全覆盖，并引入科技、体育、艺术等社会资源……",
                 "resultClass": "A"}""", staff, 201);
        call("POST", assignment + "/api/v1/submissions/1/replies/1/approval", null, head, 200);
        call("POST", assignment + "/api/v1/submissions/1/replies/1/submission", null, staff, 200);
        call("POST", assignment + "/api/v1/submissions/1/replies/1/acceptance", "{}", office, 200);
    }

    /**
     * Through a portal: 王建华 (member 1) drafts submission 4 and invites 李秀英 (member 2); 李秀英 drafts
     * submission 5, 王建华 co-signs it and she files it, so it waits for the office's review (version 1).
     */
    private void portalFiling() throws IOException, InterruptedException {
        String wang = DevTokens.sign("member-1", "member", Map.of("member_id", "1"));
        String li = DevTokens.sign("member-2", "member", Map.of("member_id", "2"));
        call("POST", intake + "/api/v1/drafts", """
                {"kind": "SUGGESTION", "sessionId": 1, "title": "关于加快老旧小区加装电梯的建议",
                 "body": "建议简化审批流程。", "field": "URBAN_CONSTRUCTION_TRANSPORT"}""", wang, 201);
        call("POST", intake + "/api/v1/drafts/4/co-signers", """
                {"version": 0, "memberIds": [2]}""", wang, 200);
        call("POST", intake + "/api/v1/drafts", """
                {"kind": "SUGGESTION", "sessionId": 1, "title": "关于加快老旧小区加装电梯的建议",
                 "body": "建议简化审批流程。", "field": "URBAN_CONSTRUCTION_TRANSPORT"}""", li, 201);
        call("POST", intake + "/api/v1/drafts/5/co-signers", """
                {"version": 0, "memberIds": [1]}""", li, 200);
        call("POST", intake + "/api/v1/drafts/5/signature", null, wang, 200);
        call("POST", intake + "/api/v1/drafts/5/filing", """
                {"version": 0}""", li, 200);
    }

    /** assignment-service learns of a submission from intake's event, a moment after it is registered. */
    private void awaitInAssignment(int submissionId) throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        HttpRequest request = HttpRequest.newBuilder(URI.create(assignment + "/api/v1/submissions/" + submissionId))
                .header("Authorization", "Bearer " + office).build();
        while (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("assignment-service did not receive submission " + submissionId);
            }
            Thread.sleep(200);
        }
    }

    private void post(String url, String json) throws IOException, InterruptedException {
        call("POST", url, json, office, 201);
    }

    private String call(String method, String url, String json, String token, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }
}
