package io.banli.supervision.notice;

import java.time.Instant;
import java.time.LocalDate;

/** Data of {@code banli.supervision.notice-issued.v1}. */
public record NoticeIssuedV1(long noticeId, LocalDate from, LocalDate to, int unitsNamed, int itemsNamed,
        Instant issuedAt) {
}
