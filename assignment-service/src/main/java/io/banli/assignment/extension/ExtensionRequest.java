package io.banli.assignment.extension;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit's application for more time to reply (延期), decided by the office. */
@Entity
public class ExtensionRequest extends PanacheEntityBase {

    @Schema(name = "ExtensionState", description = "Where an extension request stands.")
    public enum State {
        REQUESTED, APPROVED, REFUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long submissionId;

    public Long assignmentId;

    public Long unitId;

    public LocalDate requestedUntil;

    public String reason;

    @Enumerated(EnumType.STRING)
    public State state;

    public LocalDate decidedUntil;

    public String decisionReason;

    public Instant requestedAt;

    public String requestedBy;

    public Instant decidedAt;

    public String decidedBy;

    @Version
    public long version;
}
