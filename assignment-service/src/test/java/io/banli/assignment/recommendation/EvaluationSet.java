package io.banli.assignment.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic evaluation set: items as deputies and members write them, each with the lead unit that
 * really handled it. The vocabulary follows the mandates of a city's units (教育局 for schools, 交通运输局 for
 * buses …); an object is written in several ways (课后服务 / 课后托管), places and wording vary, some objects
 * belong to two units (校园周边交通安全: police or education), some items were re-assigned after a "not ours",
 * some are handled by a unit their words do not suggest (the office's own judgement), and some raise an
 * object no earlier session did.
 */
final class EvaluationSet {

    /** A labelled item: what the recommender sees, and what the office decided. */
    record Item(long id, int session, String title, String field, long leadUnit, List<Long> coUnits,
            List<Long> leftUnits) {
    }

    /** Unit (index = id), field and the objects of its mandate; "a|b" are ways of writing one object. */
    private static final String[][] UNITS = {
        {"市教育局", "SOCIAL_LIVELIHOOD", "中小学课后服务|课后托管服务|学生课后看护", "学前教育普惠园|普惠性幼儿园|公办幼儿园学位",
            "义务教育学位供给|中小学学位紧张|新建学校", "乡村教师待遇|农村教师队伍|教师编制", "职业教育产教融合|职业院校|技工教育",
            "校外培训机构治理|校外培训", "特殊教育学校|随班就读|孤独症儿童教育", "中小学生近视防控|学生视力保护", "教育集团化办学|优质教育资源均衡"},
        {"市交通运输局", "URBAN_CONSTRUCTION", "公交线路优化|公交线网|公交发车间隔", "农村公路养护|乡村道路|四好农村路",
            "出租车行业管理|出租车服务", "网约车规范|网约车平台", "公交站台设置|港湾式公交站|候车亭",
            "城际快速通道建设|城际公交|快速路", "客运站改造|汽车客运站", "货运物流园区|城市配送车辆"},
        {"市住房和城乡建设局", "URBAN_CONSTRUCTION", "老旧小区改造|老旧小区基础设施", "保障性租赁住房|公租房|人才公寓",
            "物业管理服务|物业服务企业|业主委员会", "既有住宅加装电梯|老楼加装电梯", "城中村改造|棚户区改造",
            "商品房质量|新建住宅质量|房屋渗漏", "住宅小区充电桩|电动汽车充电设施"},
        {"市卫生健康委员会", "SOCIAL_LIVELIHOOD", "基层医疗卫生服务|社区卫生服务中心|乡镇卫生院", "家庭医生签约|家庭医生服务",
            "儿科医生短缺|儿童医疗资源|儿科门诊", "医养结合|医养结合机构", "急救体系建设|120急救|院前急救",
            "心理健康服务|精神卫生", "公立医院改革|医院预约挂号|看病排队", "妇幼保健|孕产妇保健|出生缺陷防治"},
        {"市农业农村局", "AGRICULTURE_RURAL", "高标准农田建设|农田水利|农田基础设施", "农产品品牌|地理标志农产品|特色农产品",
            "农村人居环境整治|农村厕所改造|美丽乡村", "乡村振兴产业|乡村产业|农业产业化", "种粮补贴|粮食生产|种粮农民",
            "农村集体经济|村集体经济|集体资产", "农业社会化服务|农机服务|农业机械化", "动物疫病防控|生猪养殖|畜牧业"},
        {"市生态环境局", "URBAN_CONSTRUCTION", "黑臭水体治理|河流水质|水环境治理", "大气污染防治|空气质量|PM2.5",
            "噪声污染|夜间施工噪声|交通噪声", "工业固废|危险废物|固体废物处置", "饮用水源地保护|水源保护区",
            "臭氧污染|挥发性有机物|VOCs治理", "环境监测|环境执法|企业偷排"},
        {"市民政局", "SOCIAL_LIVELIHOOD", "养老服务中心|社区养老|居家养老服务", "困难群众救助|低保|临时救助",
            "社区治理|社区工作者|城乡社区服务", "殡葬改革|公益性公墓|殡葬服务", "儿童福利|困境儿童|留守儿童关爱",
            "社会组织|慈善事业|志愿服务", "养老机构|敬老院|农村养老"},
        {"市人力资源和社会保障局", "ECONOMY_SCIENCE", "高校毕业生就业|大学生就业|青年就业", "农民工欠薪|拖欠工资|根治欠薪",
            "职业技能培训|技能人才|职业技能提升", "灵活就业人员社保|新就业形态劳动者|外卖骑手权益", "养老保险待遇|企业退休人员",
            "人才引进政策|高层次人才|人才公寓补贴"},
        {"市公安局", "POLITICS_LAW", "电动自行车管理|电动车头盔|电动车上牌", "交通信号灯设置|红绿灯配时|路口信号灯",
            "电信诈骗防范|反诈宣传|网络诈骗", "户籍办理|户口迁移|身份证办理", "治安防控|视频监控|群防群治", "酒驾整治|交通违法"},
        {"市市场监督管理局", "ECONOMY_SCIENCE", "食品安全|小餐饮|食品小作坊", "消费者权益保护|预付卡消费|消费投诉",
            "电梯安全监管|电梯维保|特种设备", "药品零售|药店监管|医疗器械", "价格监管|明码标价", "个体工商户|市场主体登记"},
        {"市自然资源和规划局", "URBAN_CONSTRUCTION", "国土空间规划|城市规划|片区规划", "土地征收补偿|征地补偿|被征地农民",
            "不动产登记|房产证办理|不动产权证", "耕地保护|永久基本农田|违法占地", "历史文化街区规划|城市风貌"},
        {"市文化广电旅游局", "SOCIAL_LIVELIHOOD", "公共图书馆|城市书房|农家书屋", "文物保护|古建筑|历史遗迹",
            "旅游景区|全域旅游|乡村旅游", "非物质文化遗产|非遗传承|传统技艺", "公共文化服务|文化馆|群众文化活动"},
        {"市水务局", "URBAN_CONSTRUCTION", "城市排水防涝|内涝|雨水管网", "供水管网改造|二次供水|自来水水压", "河道清淤|河道整治|河长制",
            "农村饮水安全|农村自来水|农村供水", "污水处理厂|污水管网|雨污分流"},
        {"市城市管理局", "URBAN_CONSTRUCTION", "垃圾分类|生活垃圾|垃圾中转站", "占道经营|流动摊贩|夜市管理", "公共厕所|公厕",
            "城市照明|路灯|亮化工程", "违法建设拆除|违章建筑|私搭乱建", "环卫作业|道路保洁|环卫工人"},
        {"市医疗保障局", "SOCIAL_LIVELIHOOD", "医保异地结算|异地就医", "医保报销比例|居民医保|大病保险", "门诊慢特病|慢性病用药",
            "药品集中采购|集采药品", "长期护理保险|失能老人护理"},
        {"市科学技术局", "ECONOMY_SCIENCE", "科技企业孵化|众创空间|孵化器", "研发投入|企业研发|研发费用",
            "科技成果转化|产学研合作|技术转移", "高新技术企业|科技型中小企业"},
        {"市商务局", "ECONOMY_SCIENCE", "夜间经济|夜经济|步行街", "老字号|老字号企业", "外贸企业|跨境电商|出口企业",
            "社区商业|便民生活圈|菜市场", "电子商务进农村|农村电商|直播带货"},
        {"市体育局", "SOCIAL_LIVELIHOOD", "全民健身|健身步道|体育公园", "社区健身设施|健身器材", "青少年体育|体育赛事|足球场地"},
        {"市应急管理局", "POLITICS_LAW", "安全生产|企业安全生产|危险化学品", "防汛抗旱|防汛", "应急避难场所|应急物资储备",
            "消防安全|高层建筑消防|消防通道"},
        {"市发展和改革委员会", "ECONOMY_SCIENCE", "营商环境|优化营商环境", "重大项目|项目建设|重点工程", "民营经济|民营企业发展",
            "能源保供|天然气价格|阶梯电价"},
        {"市工业和信息化局", "ECONOMY_SCIENCE", "中小企业数字化转型|智能制造|工业互联网", "5G基站建设|信息基础设施",
            "制造业转型升级|传统产业|专精特新", "工业园区|产业园区|园区配套"},
        {"市财政局", "ECONOMY_SCIENCE", "政府采购|财政资金|专项资金"},
    };

    /** Objects two units share: the item's lead is either, in this proportion. */
    private static final String[][] SHARED = {
        {"校园周边交通安全|学校门口交通拥堵|上下学接送", "8", "0"}, {"建筑工地扬尘|工地扬尘|渣土车", "2", "5"},
        {"畜禽养殖污染|养殖废水", "4", "5"}, {"停车难|停车位不足|小区停车", "8", "2"},
        {"校园食品安全|学校食堂", "9", "0"}, {"老年人助餐|社区食堂|老年食堂", "6", "3"},
        {"城市绿化|口袋公园|绿道建设", "13", "10"}, {"农村污水治理|农村生活污水", "5", "12"},
    };

    private static final String[] ACTIONS = {"加强", "进一步加强", "完善", "推进", "加快推进", "优化", "加大", "规范", "解决",
        "提升", "改善", "重视", "做好", ""};
    private static final String[] PLACES = {"", "", "", "我市", "城区", "农村", "高新区", "老城区", "县域", "新城区",
        "城乡结合部", "沿江片区", "东城区", "西城区"};
    private static final String[] ENDINGS = {"的建议", "的建议", "的提案", "的几点建议", "工作的建议", "力度的建议", "问题的建议",
        "的意见和建议"};
    private static final String[] FILLERS = {"", "", "", "切实", "多措并举", "着力", "统筹", "有效"};
    private static final int CO_UNIT_FINANCE = 21;

    static final int SESSIONS = 4;
    static final int PER_SESSION = 600;

    private EvaluationSet() {
    }

    static String unitName(long unit) {
        return UNITS[(int) unit][0];
    }

    static List<Item> generate(long seed) {
        Random random = new Random(seed);
        List<Item> items = new ArrayList<>();
        long id = 1;
        for (int session = 1; session <= SESSIONS; session++) {
            for (int i = 0; i < PER_SESSION; i++) {
                items.add(item(id++, session, random));
            }
        }
        return items;
    }

    private static Item item(long id, int session, Random random) {
        List<Long> co = new ArrayList<>();
        List<Long> left = new ArrayList<>();
        String object;
        long lead;
        String field;
        if (random.nextInt(100) < 15) {
            String[] shared = SHARED[random.nextInt(SHARED.length)];
            object = pick(shared[0].split("\\|"), random);
            long first = Long.parseLong(shared[1]);
            long second = Long.parseLong(shared[2]);
            boolean firstLeads = random.nextInt(100) < 70;
            lead = firstLeads ? first : second;
            if (random.nextInt(100) < 25) {
                // Pre-assigned to the other unit, which said "not ours"; the office re-assigned it.
                left.add(firstLeads ? second : first);
            } else {
                co.add(firstLeads ? second : first);
            }
            field = UNITS[(int) lead][1];
        } else {
            lead = random.nextInt(UNITS.length);
            String[] unit = UNITS[(int) lead];
            int objects = unit.length - 2;
            // The last object of a unit with many is new in the last session: nothing precedes it.
            int o = 2 + random.nextInt(objects > 4 && session < SESSIONS ? objects - 1 : objects);
            object = pick(unit[o].split("\\|"), random);
            field = unit[1];
        }
        if (random.nextInt(100) < 5) {
            // The office's own judgement: handled by a unit the words do not point to.
            lead = random.nextInt(UNITS.length);
        }
        if (random.nextInt(100) < 20 && lead != CO_UNIT_FINANCE) {
            co.add((long) CO_UNIT_FINANCE);
        }
        co.remove(Long.valueOf(lead));
        String title = "关于" + pick(FILLERS, random) + pick(ACTIONS, random) + pick(PLACES, random) + object
                + pick(ENDINGS, random);
        return new Item(id, session, title, field, lead, List.copyOf(co), List.copyOf(left));
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }
}
