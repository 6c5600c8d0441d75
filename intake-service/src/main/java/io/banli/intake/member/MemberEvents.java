package io.banli.intake.member;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.banli.intake.submission.SubmissionEvents;

/**
 * What intake tells the read side about the member register: that a member exists and their delegation (代表团/界别),
 * which a platform's grant by delegation is checked against. Published on {@link SubmissionEvents#TOPIC}, keyed
 * {@code member-<id>}. Never contact data.
 */
public final class MemberEvents {

    public static final String REGISTERED = "banli.intake.member.registered.v1";
    public static final String KEY = "member-<memberId>: a member's events stay in order";

    private MemberEvents() {
    }

    public record MemberRegisteredV1(long memberId, MemberKind kind,
            @Schema(example = "东城区代表团") String delegation, Instant registeredAt) {

        public static MemberRegisteredV1 of(Member m, Instant at) {
            return new MemberRegisteredV1(m.id, m.kind, m.delegation, at);
        }
    }

    public static String key(Member m) {
        return "member-" + m.id;
    }
}
