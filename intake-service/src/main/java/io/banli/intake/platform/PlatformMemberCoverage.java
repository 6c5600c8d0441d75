package io.banli.intake.platform;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.banli.intake.member.MemberCoverage;

/** The member register's view of a platform's registered grant, read from the registry on every call. */
@ApplicationScoped
public class PlatformMemberCoverage implements MemberCoverage {

    @Inject
    PlatformCaller platform;

    @Override
    public Optional<Covered> ofCaller() {
        return platform.grant().map(g -> new Covered(g.allMembers(), g.memberIds(), g.delegations()));
    }
}
