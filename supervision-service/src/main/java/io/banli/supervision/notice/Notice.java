package io.banli.supervision.notice;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An issued notice (通报). Its content is frozen at issue: later changes do not rewrite it. */
@Entity
public class Notice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public LocalDate periodFrom;

    public LocalDate periodTo;

    public String title;

    public Instant issuedAt;

    public String issuedBy;

    /** The {@link NoticeContent} as JSON. */
    public String content;
}
