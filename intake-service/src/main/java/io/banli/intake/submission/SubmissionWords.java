package io.banli.intake.submission;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;

/**
 * An item's pairs of neighbouring characters in its title and body, each keyed by the item's session, every item's
 * from its first draft: written by V22's triggers whenever the text is, read only by a list's words
 * ({@link SubmissionSearch}), never by the service.
 */
@Entity
@Immutable
public class SubmissionWords {

    @Id
    public Long submissionId;

    public long[] keys;
}
