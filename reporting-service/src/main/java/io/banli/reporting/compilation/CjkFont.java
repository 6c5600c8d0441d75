package io.banli.reporting.compilation;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.pdf.BaseFont;

/**
 * The one font every document and chart of the service sets Chinese (and Latin) text in: Noto Sans SC
 * Regular (SIL Open Font License, {@code fonts/OFL.txt}), cut down to the characters of GB 2312 with
 * ASCII, Latin-1 and the Chinese punctuation, so it ships inside the service (no reader or system
 * font is relied on). PDFs embed the glyphs they use (a subset, Identity-H, as PDF/A asks); charts draw
 * with it in Java 2D so their labels can be Chinese on a server without fonts.
 */
public final class CjkFont {

    static final String RESOURCE = "fonts/NotoSansSC-Regular-GB2312.ttf";
    private static final byte[] BYTES = read();
    private static final Font AWT = awt();

    private CjkFont() {
    }

    /**
     * A fresh PDF font each call: OpenPDF records the glyphs used in the font object, so one document's
     * subset must not leak into the next one's (and the object is not thread-safe).
     */
    public static BaseFont pdf() {
        try {
            BaseFont font = BaseFont.createFont(RESOURCE, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, BYTES, null);
            font.setSubset(true);
            return font;
        } catch (Exception e) {
            throw new IllegalStateException("The bundled font cannot be read: " + RESOURCE, e);
        }
    }

    /** The font for Java 2D at the given size in points. */
    public static Font awt(float size) {
        return AWT.deriveFont(size);
    }

    private static byte[] read() {
        try (InputStream in = CjkFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled font is missing: " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font awt() {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(BYTES));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("The bundled font cannot be read: " + RESOURCE, e);
        }
    }
}
