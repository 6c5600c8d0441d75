package io.banli.intake.importing;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One import of a file: its progress while it runs and its counts when done. */
@Entity
public class ImportJob extends PanacheEntityBase {

    @Schema(name = "ImportFormat", description = "The file format of an import.")
    public enum Format {
        JSON,
        CSV,
        XLSX
    }

    @Schema(name = "ImportState", description = "Where an import job stands.")
    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long sessionId;

    @Enumerated(EnumType.STRING)
    public Format format;

    @Enumerated(EnumType.STRING)
    public State state;

    public int total;

    public int processed;

    public int accepted;

    /** Rows imported before (same externalRef in the session): a re-run changes nothing for them. */
    public int skipped;

    public int rejected;

    public Instant startedAt;

    public Instant finishedAt;

    public String startedBy;

    public Long millis;
}
