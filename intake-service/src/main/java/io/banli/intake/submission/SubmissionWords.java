package io.banli.intake.submission;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;

/**
 * An item's bigram codes of its title and body, every item's from its first draft: written by V21's triggers
 * whenever the text is, read only by a list's words ({@link SubmissionSearch}), never by the service.
 */
@Entity
@Immutable
public class SubmissionWords {

    @Id
    public Long submissionId;

    public Long sessionId;

    public int[] codes;
}
