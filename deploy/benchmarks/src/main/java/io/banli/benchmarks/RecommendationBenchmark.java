package io.banli.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.banli.platform.DevTokens;
import io.banli.platform.PlatformProcess;
import io.banli.platform.ServiceProcess;

/**
 * Unit recommendation (智能交办) of assignment-service over 100,000 past items, on the real platform: five past
 * sessions of 20,000 formally assigned items (a quarter joint, 3 % re-assigned away once, half with a sent
 * reply) and a new session of 10,000 registered items, titles built from 22 units' mandates with varied
 * wording. Measured over HTTP: the first request (the index is learned), 500 single items, and the pre-fill
 * of the whole new session (median of 5).
 * Run: {@code ./mvnw -q -pl assignment-service,deploy/benchmarks -am package -DskipTests &&
 * ./mvnw -q -pl deploy/benchmarks dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
 * java -cp deploy/benchmarks/target/classes:$(cat deploy/benchmarks/target/cp.txt) io.banli.benchmarks.RecommendationBenchmark .}
 */
public final class RecommendationBenchmark {

    static final int PAST = 100_000;
    static final int SESSION = 10_000;

    private static final String[][] MANDATES = {
        {"课后服务", "普惠性幼儿园", "中小学学位", "乡村教师", "职业教育", "校外培训", "特殊教育", "学生近视防控"},
        {"公交线路", "农村公路", "出租车", "网约车", "公交站台", "城际公交", "客运站", "城市配送"},
        {"老旧小区改造", "保障性租赁住房", "物业服务", "加装电梯", "城中村改造", "房屋渗漏", "小区充电桩"},
        {"社区卫生服务中心", "家庭医生", "儿科门诊", "医养结合", "院前急救", "心理健康", "预约挂号", "妇幼保健"},
        {"高标准农田", "农产品品牌", "农村厕所", "乡村产业", "种粮补贴", "村集体经济", "农机服务", "生猪养殖"},
        {"黑臭水体", "空气质量", "夜间施工噪声", "危险废物", "水源保护区", "臭氧污染", "企业偷排"},
        {"居家养老", "低保", "社区工作者", "公益性公墓", "留守儿童", "慈善事业", "敬老院"},
        {"大学生就业", "拖欠工资", "技能人才", "外卖骑手权益", "企业退休人员", "高层次人才"},
        {"电动车头盔", "红绿灯配时", "反诈宣传", "户口迁移", "视频监控", "酒驾整治"},
        {"小餐饮", "预付卡消费", "电梯维保", "药店监管", "明码标价", "个体工商户"},
        {"国土空间规划", "征地补偿", "不动产登记", "永久基本农田", "历史文化街区"},
        {"城市书房", "文物保护", "乡村旅游", "非遗传承", "文化馆"},
        {"排水防涝", "二次供水", "河道清淤", "农村供水", "雨污分流"},
        {"垃圾分类", "流动摊贩", "公厕", "路灯", "违章建筑", "道路保洁"},
        {"异地就医", "居民医保", "慢性病用药", "集采药品", "长期护理保险"},
        {"孵化器", "企业研发", "科技成果转化", "科技型中小企业"},
        {"夜经济", "老字号", "跨境电商", "便民生活圈", "农村电商"},
        {"健身步道", "健身器材", "青少年体育", "足球场地"},
        {"安全生产", "防汛", "应急物资储备", "消防通道"},
        {"营商环境", "重点工程", "民营企业", "阶梯电价"},
        {"智能制造", "5G基站", "专精特新", "产业园区"},
        {"政府采购", "专项资金"},
    };
    private static final String[] ACTIONS = {"加强", "完善", "推进", "加快", "优化", "规范", "解决", "提升", "改善",
        "重视", "做好", "进一步加强", "着力", "统筹"};
    private static final String[] PLACES = {"", "我市", "城区", "农村", "高新区", "老城区", "县域", "新城区",
        "城乡结合部", "沿江片区", "东城区", "西城区", "南部山区", "经济开发区"};
    private static final String[] ENDINGS = {"的建议", "的提案", "的几点建议", "工作的建议", "问题的建议", "管理的建议"};

    private RecommendationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        // -Djvm.assignment-service="..." adds JVM options after the service's own (the last wins), as in
        // FootprintBenchmark.
        List<String> jvm = new ArrayList<>(ServiceProcess.JVM_OPTIONS);
        jvm.addAll(FootprintBenchmark.ownOptions("assignment-service"));
        System.out.println("JVM options: " + String.join(" ", jvm));
        try (PlatformProcess platform = PlatformProcess.startEphemeral();
                ServiceProcess assignment = ServiceProcess.start(repo, "assignment-service", PlatformProcess.freePort(),
                        platform, Map.of(), repo.resolve("deploy/benchmarks/target/logs"), jvm).awaitReady();
                Connection db = DriverManager.getConnection(platform.jdbcUrl("assignment"), "postgres", "")) {
            long t0 = System.nanoTime();
            fill(db);
            System.out.printf("Filled %,d past items and a session of %,d in %.1f s%n", PAST, SESSION,
                    (System.nanoTime() - t0) / 1e9);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String token = DevTokens.sign("benchmark", "office", Map.of());
            String base = assignment.url() + "/api/v1";
            System.out.printf("first request, index learned: %.0f ms%n",
                    get(http, token, base + "/submissions/" + (PAST + 1) + "/recommended-units"));
            Random random = new Random(7);
            List<Double> single = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                single.add(get(http, token, base + "/submissions/" + (PAST + 1 + random.nextInt(SESSION))
                        + "/recommended-units"));
            }
            Collections.sort(single);
            System.out.printf("one item (500 requests): median %.1f ms, p95 %.1f ms, max %.1f ms%n", single.get(250),
                    single.get(475), single.get(499));
            List<Double> bulk = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                bulk.add(get(http, token, base + "/sessions/6/recommended-pre-assignments"));
            }
            Collections.sort(bulk);
            System.out.printf("pre-fill of a %,d-item session: median %.0f ms (min %.0f, max %.0f)%n", SESSION,
                    bulk.get(2), bulk.get(0), bulk.get(4));
            System.out.printf("%nmachine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        }
    }

    private static double get(HttpClient http, String token, String url) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - t) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return ms;
    }

    /** Units, items with titles from the units' mandates, their parts and replies. */
    private static void fill(Connection db) throws Exception {
        db.setAutoCommit(false);
        for (int u = 0; u < MANDATES.length; u++) {
            exec(db, "insert into unit (id, name, kind) overriding system value values (" + (u + 1) + ", '单位" + (u + 1)
                    + "', 'BUREAU')");
        }
        Random random = new Random(20250120L);
        try (PreparedStatement item = db.prepareStatement("""
                insert into handled_submission (id, session_id, number, kind, title, field, lead_proposer,
                    registered_at, state)
                values (?, ?, ?, 'SUGGESTION', ?, 'OTHER', '代表', timestamptz '2025-01-20 10:00+08', ?)""");
                PreparedStatement part = db.prepareStatement("""
                insert into assignment (submission_id, unit_id, mode, role, state, assigned_at)
                values (?, ?, ?, ?, ?, ?)""")) {
            for (int id = 1; id <= PAST + SESSION; id++) {
                int unit = random.nextInt(MANDATES.length);
                String[] objects = MANDATES[unit];
                String title = "关于" + pick(ACTIONS, random) + pick(PLACES, random) + objects[random.nextInt(objects.length)]
                        + pick(ENDINGS, random);
                boolean past = id <= PAST;
                item.setLong(1, id);
                item.setLong(2, past ? 1 + (id - 1) / 20_000 : 6);
                item.setInt(3, past ? 1 + (id - 1) % 20_000 : id - PAST);
                item.setString(4, title);
                item.setString(5, past ? "ASSIGNED" : "REGISTERED");
                item.addBatch();
                if (past) {
                    boolean joint = id % 4 == 0;
                    if (id % 33 == 0) {
                        addPart(part, id, 1 + (unit + 5) % MANDATES.length, joint ? "JOINT" : "SOLE",
                                joint ? "LEAD" : "SOLE", "REASSIGNED", false);
                    }
                    addPart(part, id, unit + 1, joint ? "JOINT" : "SOLE", joint ? "LEAD" : "SOLE", "HANDLING", true);
                    if (joint) {
                        addPart(part, id, 1 + (unit + 3) % MANDATES.length, "JOINT", "CO", "HANDLING", true);
                    }
                }
                if (id % 5_000 == 0) {
                    item.executeBatch();
                    part.executeBatch();
                }
            }
            item.executeBatch();
            part.executeBatch();
        }
        exec(db, """
                insert into reply (submission_id, unit_id, assignment_id, text, result_class, state)
                select a.submission_id, a.unit_id, a.id, '答复', (array['A', 'B', 'C', 'D'])[1 + a.submission_id % 4], 'SENT'
                from assignment a where a.role <> 'CO' and a.state <> 'REASSIGNED' and a.submission_id % 2 = 0""");
        db.commit();
        db.setAutoCommit(true);
        for (String table : List.of("handled_submission", "assignment", "reply")) {
            exec(db, "vacuum analyze " + table);
        }
    }

    private static void addPart(PreparedStatement part, long id, long unit, String mode, String role, String state,
            boolean assigned) throws Exception {
        part.setLong(1, id);
        part.setLong(2, unit);
        part.setString(3, mode);
        part.setString(4, role);
        part.setString(5, state);
        if (assigned) {
            part.setObject(6, java.time.OffsetDateTime.parse("2025-02-10T10:00+08:00"));
        } else {
            part.setNull(6, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        }
        part.addBatch();
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }

    private static void exec(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }
}
