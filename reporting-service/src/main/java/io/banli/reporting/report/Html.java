package io.banli.reporting.report;

/**
 * Renders the report's own small Markdown (headings, paragraphs, quotes, tables, images) as a
 * standalone HTML page. Every text is escaped; an image is shown only if it is one of the report's own
 * PNG charts (a data URI), so nothing in the page loads from elsewhere.
 */
final class Html {

    private Html() {
    }

    static String page(String title, String markdown) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
                .append(escape(Markdown.plain(title))).append("</title><style>body{font-family:'Noto Sans SC','Microsoft YaHei',"
                        + "sans-serif;max-width:860px;margin:2em auto;line-height:1.8}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #999;padding:2px 8px}blockquote{color:#555}</style></head><body>\n");
        boolean inTable = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("|")) {
                if (line.matches("\\|[-| ]+\\|")) {
                    continue;
                }
                h.append(inTable ? "" : "<table>\n").append("<tr>");
                for (String cell : Markdown.cells(line)) {
                    h.append("<td>").append(escape(cell)).append("</td>");
                }
                h.append("</tr>\n");
                inTable = true;
                continue;
            }
            if (inTable) {
                h.append("</table>\n");
                inTable = false;
            }
            if (line.startsWith("## ")) {
                h.append("<h2>").append(escape(Markdown.plain(line.substring(3)))).append("</h2>\n");
            } else if (line.startsWith("# ")) {
                h.append("<h1>").append(escape(Markdown.plain(line.substring(2)))).append("</h1>\n");
            } else if (line.startsWith("> ")) {
                h.append("<blockquote>").append(escape(Markdown.plain(line.substring(2)))).append("</blockquote>\n");
            } else if (Pdf.isChart(line)) {
                int close = line.indexOf("](");
                String alt = Markdown.plain(line.substring(2, close));
                String src = line.substring(close + 2, line.lastIndexOf(')'));
                h.append("<figure><img alt=\"").append(escape(alt)).append("\" src=\"").append(escape(src))
                        .append("\"><figcaption>").append(escape(alt)).append("</figcaption></figure>\n");
            } else if (!line.isBlank()) {
                h.append("<p>").append(escape(Markdown.plain(line))).append("</p>\n");
            }
        }
        if (inTable) {
            h.append("</table>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
