package io.konggitops.translate.gateway.http;

/**
 * Why a group of HTTPRoute rules cannot become a Kong service (KIC drops the whole group and records a failure on
 * the HTTPRoute). {@code reportedByAdmission}: the cause is an unsupported feature that Gateway API admission already
 * reports, so the translator only skips the group. Internal to the HTTPRoute translator; never escapes it.
 */
final class RuleGroupFailure extends Exception {
    private static final long serialVersionUID = 1L;

    final String hint;
    final boolean reportedByAdmission;

    RuleGroupFailure(String message, String hint, boolean reportedByAdmission) {
        super(message, null, false, false);
        this.hint = hint;
        this.reportedByAdmission = reportedByAdmission;
    }

    RuleGroupFailure(String message, String hint) {
        this(message, hint, false);
    }
}
