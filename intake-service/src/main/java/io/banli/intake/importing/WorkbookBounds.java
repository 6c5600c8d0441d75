package io.banli.intake.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import io.banli.kit.problem.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * Bounds an XLSX workbook (a zip) before anything parses it: how many parts it has, how large each part and all of
 * them are once inflated, and how much each part inflates, so a zip bomb of a few kilobytes cannot make the reader
 * inflate gigabytes. The sizes are measured by inflating, not taken from the zip's own headers, which a crafted file
 * can fill in as it likes; inflating stops at the first bound crossed.
 */
final class WorkbookBounds {

    static final int MAX_ENTRIES = 1_000;
    static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 200L * 1024 * 1024;
    /** Spreadsheet XML inflates 5–20 times; a ratio of 100 or more is a bomb (Apache POI refuses it too). */
    static final int MAX_RATIO = 100;
    /** Small parts may compress as well as they like: the ratio counts from this size on. */
    static final long RATIO_FREE_BYTES = 1024L * 1024;

    private WorkbookBounds() {
    }

    static void check(byte[] file) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(file)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (++entries > MAX_ENTRIES) {
                    throw refused("it has more than " + MAX_ENTRIES + " parts");
                }
                long compressed = Math.max(entry.getCompressedSize(), 1);
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        inflated += n;
                        total += n;
                        if (inflated > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
                            throw refused("it inflates to more than " + MAX_TOTAL_BYTES / (1024 * 1024) + " MB");
                        }
                        // Per part against its declared compressed size, and in all against the file's real size,
                        // which a crafted header cannot inflate.
                        if (inflated > RATIO_FREE_BYTES && inflated / compressed >= MAX_RATIO
                                || total > RATIO_FREE_BYTES && total / file.length >= MAX_RATIO) {
                            throw refused("a part inflates more than " + MAX_RATIO + " times");
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof HttpProblem problem) {
                throw problem;
            }
            throw Problems.badInput("invalid-import-file", "", "body", "The XLSX workbook cannot be read.");
        }
    }

    private static RuntimeException refused(String why) {
        return Problems.unprocessable("unsafe-workbook", "The XLSX workbook is refused: " + why + ".");
    }
}
