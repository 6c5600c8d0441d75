package io.banli.reporting.opendata;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the personal data a unit may write into a reply (a resident ID number, a mobile or landline
 * number) before the text is published, the way Chinese public services print them: 138****5678,
 * 110101********1234. The numbers are found by their shape: a reply is free prose, not a form. ID
 * numbers are masked first, so their digits are never read as a phone number.
 */
public final class PersonalData {

    /** The 18-character resident ID (the last may be X), not inside a longer number. */
    private static final Pattern ID_18 = Pattern.compile("(?<!\\d)(\\d{6})\\d{8}(\\d{3}[\\dXx])(?![\\dXx])");

    /** The older 15-digit resident ID. */
    private static final Pattern ID_15 = Pattern.compile("(?<!\\d)(\\d{6})\\d{6}(\\d{3})(?!\\d)");

    /** A mainland mobile number, also written in groups (138 1234 5678, 138-1234-5678). */
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)[- ]?\\d{4}[- ]?(\\d{4})(?!\\d)");

    /** A landline with its area code (010-12345678, 0571 8765 4321). */
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)(0\\d{2,3})[- ]?(\\d{3,4})[- ]?(\\d{4})(?!\\d)");

    private PersonalData() {
    }

    /** The text with every ID and phone number masked; null stays null. */
    public static String masked(String text) {
        if (text == null) {
            return null;
        }
        String s = replace(ID_18, text, m -> m.group(1) + "********" + m.group(2));
        s = replace(ID_15, s, m -> m.group(1) + "******" + m.group(2));
        s = replace(MOBILE, s, m -> m.group(1) + "****" + m.group(2));
        return replace(LANDLINE, s, m -> m.group(1) + "-" + "*".repeat(m.group(2).length()) + m.group(3));
    }

    private static String replace(Pattern pattern, String text, Function<MatchResult, String> mask) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(mask.apply(m)));
    }
}
