package io.banli.supervision.notice;

import java.time.Instant;

/** An issued notice with its frozen content. */
public record NoticeView(Long id, String title, Instant issuedAt, String issuedBy, NoticeContent content) {
}
