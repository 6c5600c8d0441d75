package io.banli.intake.member;

/**
 * Masks contact data the way Chinese public services print it, so a reader who does not need it can
 * still tell two records apart: 138****5678, w***@example.com, 北京市东城区****.
 */
public final class ContactMask {

    private ContactMask() {
    }

    static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at < 1 ? "****" : email.charAt(0) + "***" + email.substring(at);
    }

    /** A contact person who is not a member is a private person: the family name stays, the rest is hidden. */
    static String name(String name) {
        return name == null || name.isEmpty() ? name : name.substring(0, name.offsetByCodePoints(0, 1)) + "**";
    }

    /** Keeps the district (the first six characters: province, city, district), hides street and number. */
    static String address(String address) {
        if (address == null) {
            return null;
        }
        return address.codePointCount(0, address.length()) <= 6 ? "****"
                : address.substring(0, address.offsetByCodePoints(0, 6)) + "****";
    }
}
