package io.banli.assignment.submission;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;

/**
 * A leader (领导) follows the key items they lead (领衔督办) and nothing else: the token's
 * {@code leader_name} must be the item's leading official. A leader's token without a name sees nothing.
 * Whoever also holds the office's or an auditor's role reads as that role.
 */
@ApplicationScoped
public class LeaderScope {

    @Inject
    Caller caller;

    /** True when the caller reads only as a leader, so every read must be narrowed to their key items. */
    public boolean narrowed() {
        return caller.hasRole(Roles.LEADER) && !caller.hasRole(Roles.OFFICE) && !caller.hasRole(Roles.AUDITOR);
    }

    /** The leading official whose key items the caller may read; empty for a leader's token without a name. */
    public Optional<String> leaderName() {
        return caller.leaderName().filter(name -> !name.isBlank());
    }

    /** Whether the calling leader leads this item. */
    public boolean leads(HandledSubmission submission) {
        return submission.keyItem && leaderName().filter(name -> name.equals(submission.leadingOfficial)).isPresent();
    }
}
