package io.banli.intake.attachment;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A file attached to a submission (scans, photos, supporting documents), kept in PostgreSQL. */
@Entity
public class Attachment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long submissionId;

    public String fileName;

    public String contentType;

    public int sizeBytes;

    /** SHA-256 of the content, hex: lets a reader check the file is the one filed. */
    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    public Instant addedAt;

    public String addedBy;
}
