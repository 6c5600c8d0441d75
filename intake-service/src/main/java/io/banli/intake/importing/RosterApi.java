package io.banli.intake.importing;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a roster import answers. */
public final class RosterApi {

    private RosterApi() {
    }

    @Schema(name = "RosterRejectedRow", description = "A roster row that was not imported, and why.")
    public record RejectedRow(int row, String reason) {
    }

    public record RosterReport(int total, int accepted, int skipped, int rejected, List<RejectedRow> rejections) {
    }
}
