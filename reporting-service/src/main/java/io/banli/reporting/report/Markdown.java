package io.banli.reporting.report;

import java.util.ArrayList;
import java.util.List;

/**
 * User text inside the report's Markdown. Titles, names and session names come from people, and a title
 * with a line break and {@code ![x](https://…)} used to become an image line of its own: an external
 * {@code <img>} in the HTML report and a 500 from the PDF. {@link #text} makes any user text one inert
 * run of characters: control characters and line separators become spaces, and every character Markdown
 * gives a meaning is escaped with a backslash (so an editor shows it as typed too). {@link #plain} and
 * {@link #cells} undo the escapes for the report's own HTML and PDF renderers.
 */
final class Markdown {

    /** What Markdown (CommonMark and GitHub tables) reads as markup; each is escaped in user text. */
    private static final String SPECIAL = "\\`*_[]()<>!|~&";

    private Markdown() {
    }

    /** User text as inert Markdown on one line; null as the empty string. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else {
                if (SPECIAL.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A line's text with the escapes undone, for printing. */
    static String plain(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length());
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '\\' && i + 1 < markdown.length() && SPECIAL.indexOf(markdown.charAt(i + 1)) >= 0) {
                c = markdown.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The cells of a table row ({@code | a | b |}), split at unescaped bars, escapes undone, trimmed. */
    static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") && !row.endsWith("\\|") ? row.length() - 1 : row.length());
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                cell.append(c).append(inner.charAt(++i));
            } else if (c == '|') {
                cells.add(plain(cell.toString()).trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(plain(cell.toString()).trim());
        return cells;
    }
}
