package io.banli.assignment.recommendation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a title into the terms similarity is measured on. Chinese has no spaces and PostgreSQL's trigram
 * matching drops CJK characters in some locales, so titles are cut into overlapping character bigrams
 * (课后, 后服, 服务 …), which match the words of a title without a dictionary; Latin words and numbers stay
 * whole. The formula every item carries (关于…的建议) says nothing about its subject and is removed first.
 */
final class TitleTerms {

    private static final String[] FORMULA = {"的建议", "的提案", "的议案", "的意见", "建议", "提案", "关于"};

    /** The verbs of every request (加强, 推进 …): they join titles of every subject and separate none. */
    private static final String[] GENERIC = {"进一步", "多措并举", "加强", "加快", "加大", "推进", "完善", "优化", "提升",
        "改善", "做好", "切实", "着力", "统筹", "有效", "重视", "解决", "力度", "问题", "工作", "几点"};

    private TitleTerms() {
    }

    static List<String> of(String title, String field) {
        List<String> terms = new ArrayList<>();
        if (title != null) {
            String text = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase();
            for (String formula : FORMULA) {
                text = text.replace(formula, " ");
            }
            for (String generic : GENERIC) {
                text = text.replace(generic, " ");
            }
            StringBuilder word = new StringBuilder();
            boolean han = false;
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i);
                i += Character.charCount(c);
                boolean isLetter = Character.isLetterOrDigit(c);
                if (!isLetter || isHan(c) != han) {
                    emit(word, han, terms);
                }
                if (isLetter) {
                    han = isHan(c);
                    word.appendCodePoint(c);
                }
            }
            emit(word, han, terms);
        }
        if (field != null && !field.isBlank()) {
            // The field the office registered is one more, weak, term: it separates 教育 in schools from 教育 in prisons.
            terms.add("#" + field);
        }
        return terms;
    }

    /** A run of Han characters is kept two at a time; a lone one (河, 桥) stays; Latin words stay whole. */
    private static void emit(StringBuilder word, boolean han, List<String> terms) {
        int length = word.codePointCount(0, word.length());
        if (han && length > 1) {
            for (int k = 0; k + 1 < length; k++) {
                int from = word.offsetByCodePoints(0, k);
                terms.add(word.substring(from, word.offsetByCodePoints(from, 2)));
            }
        } else if (length > 0) {
            terms.add(word.toString());
        }
        word.setLength(0);
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
