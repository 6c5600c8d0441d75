package io.banli.reporting.opendata;

import java.time.LocalDate;
import java.util.List;

/**
 * One registered, non-confidential submission as the public may see it: no contact data and no
 * person beyond the proposer's public name and delegation (or the group of a collective proposal).
 * The reply's date and result class appear only when every reply to it is published; each published
 * reply's text is in {@code replies}. An item merged into another (并案) names its host's number in
 * {@code mergedIntoNumber} and shows the host's units and replies, which answered it.
 */
public record OpenSubmission(String session, Integer year, Integer number, String kind, String title, String field,
        String proposer, String delegation, LocalDate registeredOn, String units, LocalDate repliedOn,
        String resultClass, List<OpenReply> replies,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true,
                description = "并案: the number (第N号) of the item this one was merged into and answered with")
        Integer mergedIntoNumber) {
}
