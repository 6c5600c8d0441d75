package io.banli.reporting.export;

/**
 * Text that a spreadsheet would run as a formula (CSV injection): a cell starting with {@code = + - @},
 * or with a tab or carriage return before one (spreadsheets skip those and still read the formula), gets
 * a leading apostrophe, which spreadsheets show as plain text. Numbers are written as numbers and are
 * never touched, so a negative figure stays a number.
 */
final class Formulas {

    private static final String TRIGGERS = "=+-@\t\r";

    private Formulas() {
    }

    static String inert(String text) {
        return !text.isEmpty() && TRIGGERS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
