package io.banli.assignment.reply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over the reply's content in a fixed layout, so anyone holding the text can recompute it
 * and see that the archived reply is the one that was sent.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(Reply reply) {
        String canonical = "submission:" + reply.submissionId + "\nunit:" + reply.unitId + "\nversion:"
                + reply.replyVersion + "\nclass:" + reply.resultClass + "\ndisclosure:" + reply.disclosure + "\n\n"
                + reply.text;
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
