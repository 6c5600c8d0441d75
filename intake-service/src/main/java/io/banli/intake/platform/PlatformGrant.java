package io.banli.intake.platform;

import java.util.List;

/**
 * For whom a platform client may act, as the office registered it: every member, members by id, members of
 * delegations (代表团/界别), and units by id. Everything a platform reads or changes in intake is narrowed to it
 * (and further to the token's {@code member_id} or {@code unit_id} when it names one).
 */
public record PlatformGrant(boolean allMembers, List<Long> memberIds, List<String> delegations, List<Long> unitIds) {

    /** What a client that is not (or no longer) registered may reach: nothing. */
    public static final PlatformGrant NOTHING = new PlatformGrant(false, List.of(), List.of(), List.of());

    public static PlatformGrant of(PlatformClient client) {
        return new PlatformGrant(client.allMembers, List.copyOf(client.memberIds), List.copyOf(client.delegations),
                List.copyOf(client.unitIds));
    }

    /** Whether the member with this id and delegation is covered. */
    public boolean covers(long memberId, String delegation) {
        return allMembers || memberIds.contains(memberId) || delegation != null && delegations.contains(delegation);
    }
}
