package io.banli.supervision.rule;

/**
 * The stages as texts for people name them (reminders, notices): never the code. One place, so a reminder
 * and a notice say the same word for the same stage.
 */
public final class StageNames {

    private StageNames() {
    }

    /** The stage's Chinese name; a commitment deadline without a commitment is the yearly progress report. */
    public static String of(Stage stage, boolean yearlyProgress) {
        return switch (stage) {
            case SIGN_FOR -> "签收";
            case ADJUSTMENT_REQUEST -> "申请调整";
            case ADJUSTMENT_DECISION -> "调整审核";
            case CO_OPINION -> "会办意见";
            case REPLY -> "答复";
            case EXTENSION -> "延期审批";
            case REHANDLING -> "重新办理";
            case EVALUATION -> "办理评价";
            case COMMITMENT -> yearlyProgress ? "年度办理进展报告" : "承诺事项";
        };
    }

    public static String of(Stage stage) {
        return of(stage, false);
    }
}
