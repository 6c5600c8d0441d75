package io.banli.intake.importing;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the import operations show: a job with its progress and, once done, its report. */
public final class ImportApi {

    private ImportApi() {
    }

    @Schema(name = "ImportRejectedRow", description = "An import row that was not imported, and why.")
    public record RejectedRow(int row, String reason) {
    }

    public record JobView(long id, long sessionId, ImportJob.Format format, ImportJob.State state, int total,
            int processed, int accepted, int skipped, int rejected, Instant startedAt,
            @Schema(nullable = true) Instant finishedAt, @Schema(nullable = true) Long millis,
            List<RejectedRow> rejections) {
    }
}
