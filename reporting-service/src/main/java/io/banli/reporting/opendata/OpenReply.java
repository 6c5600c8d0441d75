package io.banli.reporting.opendata;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One unit's published reply (答复公开): public, of a non-confidential item, personal data masked. */
public record OpenReply(@Schema(example = "市教育局") String unit,
        @Schema(description = "When the text shown was sent", example = "2025-04-01") LocalDate repliedOn,
        @Schema(description = "The reply's text; ID and phone numbers masked",
                example = "王建华代表：您提出的关于增加中小学课后服务供给的建议收悉，现答复如下……") String text) {
}
