package io.banli.assignment.reply;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.banli.kit.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One version of a unit's written reply (答复). Its content is frozen once the head signed it; a sent
 * reply is never changed: a correction is a new version that keeps this one.
 */
@Entity
public class Reply extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long submissionId;

    public Long assignmentId;

    public Long unitId;

    /** 1, or 2 for the reply after re-handling. */
    public int round = 1;

    /** 1 for the first version; a correction counts up. */
    public int replyVersion = 1;

    public Long correctsReplyId;

    @Enumerated(EnumType.STRING)
    public ReplyState state;

    public String text;

    @Enumerated(EnumType.STRING)
    public ResultClass resultClass;

    /** The unit's class when the office changed it on acceptance. */
    @Enumerated(EnumType.STRING)
    public ResultClass classChangedFrom;

    @Enumerated(EnumType.STRING)
    public Disclosure disclosure = Disclosure.PUBLIC;

    public String confidentialReason;

    /** SHA-256 of the content, hex; set when the content is frozen and again if the office changes the class. */
    public String fingerprint;

    public Instant draftedAt;

    public String draftedBy;

    public Instant approvedAt;

    public String approvedBy;

    public Instant submittedAt;

    public String submittedBy;

    public Instant decidedAt;

    public String decidedBy;

    public String returnReason;

    @Version
    public long version;

    public void moveTo(ReplyState from, ReplyState to, String action) {
        if (state != from) {
            throw Problems.illegalTransition("Reply " + id + " is " + state + ": cannot " + action + ".");
        }
        state = to;
    }

    public boolean isCorrection() {
        return correctsReplyId != null;
    }
}
