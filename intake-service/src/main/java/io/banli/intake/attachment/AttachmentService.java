package io.banli.intake.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.intake.attachment.AttachmentApi.AttachedFile;
import io.banli.intake.attachment.AttachmentApi.AttachmentView;
import io.banli.intake.submission.Submission;
import io.banli.intake.submission.SubmissionAccess;
import io.banli.intake.submission.SubmissionAnnouncer;
import io.banli.intake.submission.SubmissionService;
import io.banli.intake.submission.SubmissionState.Action;
import io.banli.kit.change.StateChange;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;

/** Files attached to a submission: checked for what they are, stored with their digest, read by its readers. */
@ApplicationScoped
@Transactional
public class AttachmentService {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_PER_SUBMISSION = 10;
    static final Set<String> TYPES = Set.of("application/pdf", "image/jpeg", "image/png", "text/plain",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    @Inject
    SubmissionService submissions;

    @Inject
    SubmissionAccess access;

    @Inject
    SubmissionAnnouncer announcer;

    @Inject
    StateChange change;

    @Inject
    Caller caller;

    /** Stores the file and returns its id; read it with {@link #view} once this has committed. */
    public long attach(long id, String name, String contentType, byte[] content) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
        if (!TYPES.contains(type)) {
            throw Problems.problem(415, "unsupported-attachment", "Unsupported Media Type",
                    "Attachments are PDF, JPEG, PNG, DOCX or plain text; not " + type + ".");
        }
        if (content == null || content.length == 0) {
            throw Problems.badInput("empty-attachment", "", "body", "The file is empty.");
        }
        if (content.length > MAX_BYTES) {
            throw Problems.problem(413, "attachment-too-large", "Content Too Large",
                    "An attachment is at most " + MAX_BYTES + " bytes; this one has " + content.length + ".");
        }
        // The type is what the bytes are, not what the sender says: an HTML page or a program sent as a PDF would
        // otherwise be served back to every reader under the type that was claimed.
        String actual = ContentSniffer.sniff(content).orElse(null);
        if (!type.equals(actual)) {
            throw Problems.problem(415, "attachment-content-mismatch", "Unsupported Media Type", actual == null
                    ? "The content is none of PDF, JPEG, PNG, DOCX or plain text, whatever Content-Type says."
                    : "The content is " + actual + ", not " + type + " as Content-Type says.");
        }
        Submission s = submissions.forChange(id, null, Action.ATTACH);
        if (!caller.hasRole(Roles.OFFICE) && access.actingMember().filter(s.leadProposerId::equals).isEmpty()) {
            throw Problems.notFound("submission", id);
        }
        if (Attachment.count("submissionId", id) >= MAX_PER_SUBMISSION) {
            throw Problems.problem(413, "too-many-attachments", "Content Too Large",
                    "A submission has at most " + MAX_PER_SUBMISSION + " attachments.");
        }
        Attachment a = new Attachment();
        a.submissionId = id;
        a.fileName = name;
        a.contentType = type;
        a.sizeBytes = content.length;
        a.sha256 = sha256(content);
        a.content = content;
        a.addedAt = change.now();
        a.addedBy = change.actor();
        a.persist();
        announcer.audit("submission.attachment-added", s, s.state, name + " (" + content.length + " bytes)");
        return a.id;
    }

    /** An attachment as stored (read back after {@link #attach} committed, so it shows what the database holds). */
    public AttachmentView view(long attachmentId) {
        return AttachmentView.of(Attachment.findById(attachmentId));
    }

    public List<AttachmentView> list(long id) {
        access.readable(id);
        return Attachment.<Attachment>list("submissionId = ?1 order by id", id).stream().map(AttachmentView::of)
                .toList();
    }

    public AttachedFile file(long id, long attachmentId) {
        access.readable(id);
        Attachment a = Attachment.<Attachment>find("id = ?1 and submissionId = ?2", attachmentId, id)
                .firstResultOptional().orElseThrow(() -> Problems.notFound("attachment", attachmentId));
        return new AttachedFile(a.fileName, a.contentType, a.sha256, a.content);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
