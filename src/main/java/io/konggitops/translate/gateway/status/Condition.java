package io.konggitops.translate.gateway.status;

/** A status condition as a Gateway API controller would write it ({@code metav1.Condition}, no timestamps). */
public record Condition(String type, String status, String reason, String message) {
    public static Condition isTrue(String type, String reason, String message) {
        return new Condition(type, "True", reason, message);
    }

    public static Condition isFalse(String type, String reason, String message) {
        return new Condition(type, "False", reason, message);
    }

    public boolean holds() {
        return "True".equals(status);
    }
}
