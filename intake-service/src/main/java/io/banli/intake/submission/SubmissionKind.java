package io.banli.intake.submission;

public enum SubmissionKind {
    /** 建议: filed by a deputy at a people's congress session. */
    SUGGESTION,
    /** 提案: filed by a CPPCC member or group at a CPPCC session. */
    PROPOSAL
}
