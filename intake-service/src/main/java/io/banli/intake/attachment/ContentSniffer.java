package io.banli.intake.attachment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * What a file is, from its bytes rather than from what the sender says: PDF, PNG and JPEG by their signatures, DOCX
 * as a zip holding a Word document, plain text as UTF-8 without control characters or markup a browser would run.
 * An executable, an HTML page or a script matches none of them.
 */
final class ContentSniffer {

    static final String PDF = "application/pdf";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String TEXT = "text/plain";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 0x03, 0x04};
    private static final String[] MARKUP = {"<!doctype", "<html", "<script", "<svg", "<?xml", "<body", "<iframe"};

    private ContentSniffer() {
    }

    /** The accepted type the content is, or empty. */
    static Optional<String> sniff(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, ZIP_MAGIC)) {
            return isWordDocument(content) ? Optional.of(DOCX) : Optional.empty();
        }
        return isPlainText(content) ? Optional.of(TEXT) : Optional.empty();
    }

    private static boolean isWordDocument(byte[] content) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            return zip.getEntry("[Content_Types].xml") != null && zip.getEntry("word/document.xml") != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** UTF-8 (a BOM allowed), no control characters but tab, line breaks and form feed, and not a web page. */
    private static boolean isPlainText(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F) {
                return false;
            }
        }
        String start = text.replaceFirst("^[\\uFEFF\\s]+", "");
        String head = start.substring(0, Math.min(start.length(), 64)).toLowerCase(Locale.ROOT);
        for (String markup : MARKUP) {
            if (head.startsWith(markup)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
