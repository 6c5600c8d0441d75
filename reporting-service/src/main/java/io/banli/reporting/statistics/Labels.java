package io.banli.reporting.statistics;

import java.util.Map;

/** The Chinese names the office's reports use for codes; an unknown code prints as itself. */
public final class Labels {

    /**
     * The default subject fields (类别), for rows projected before events carried the taxonomy's names; a field the
     * office added or renamed prints by the name intake's events carry ({@link FieldNames}).
     */
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

    /** The built-in name of a code, or the text itself when it is already a name (or an unknown code). */
    public static String field(String code) {
        return FIELDS.getOrDefault(code, code);
    }

    /** The taxonomy's name when the events carried one, else the built-in name. */
    public static String field(String code, Map<String, String> names) {
        String name = names.get(code);
        return name != null && !name.isBlank() ? name : field(code);
    }
}
