package io.banli.intake.attachment;

import java.time.Instant;

/** What the attachment operations show: an attachment's description, and a file to download. */
public final class AttachmentApi {

    private AttachmentApi() {
    }

    public record AttachmentView(long id, long submissionId, String fileName, String contentType, int sizeBytes,
            String sha256, Instant addedAt) {
        static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id, a.submissionId, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.addedAt);
        }
    }

    /** A stored file as it was attached. */
    public record AttachedFile(String fileName, String contentType, String sha256, byte[] content) {
    }
}
