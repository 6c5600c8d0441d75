package io.banli.intake.platform;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.banli.intake.member.Member;

/** Who a registered client is and for whom it may act: the one place other capabilities ask. */
@ApplicationScoped
public class PlatformClients {

    /** The client if it is registered and not revoked. */
    public Optional<PlatformClient> active(String clientId) {
        return PlatformClient.<PlatformClient>findByIdOptional(clientId).filter(PlatformClient::active);
    }

    /** A client acts for all members, a member named in its registration, or one of its delegations. */
    public boolean mayActForMember(PlatformClient client, long memberId) {
        if (client.allMembers || client.memberIds.contains(memberId)) {
            return true;
        }
        Member member = Member.findById(memberId);
        return member != null && client.delegations.contains(member.delegation);
    }

    public boolean mayActForUnit(PlatformClient client, long unitId) {
        return client.unitIds.contains(unitId);
    }
}
