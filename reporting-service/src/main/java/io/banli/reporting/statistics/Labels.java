package io.banli.reporting.statistics;

import java.util.Map;

/** The Chinese names the office's reports use for codes; an unknown code prints as itself. */
public final class Labels {

    /** The default subject fields (类别); offices may add their own codes, printed as they are. */
    public static final Map<String, String> FIELDS = Map.of(
            "ECONOMY_SCIENCE", "经济科技",
            "SOCIAL_LIVELIHOOD", "社会民生",
            "URBAN_CONSTRUCTION_TRANSPORT", "城建交通",
            "AGRICULTURE_RURAL", "农业农村",
            "POLITICS_LAW", "政治法律",
            "OTHER", "其他");

    /** The national result classes (办理结果分类). */
    public static final Map<String, String> CLASSES = Map.of(
            "A", "A类（已解决或基本解决）",
            "B", "B类（正在解决或列入计划逐步解决）",
            "C", "C类（因条件限制暂不能解决，已说明）",
            "D", "D类（留作参考）");

    private Labels() {
    }

    public static String field(String code) {
        return FIELDS.getOrDefault(code, code);
    }
}
