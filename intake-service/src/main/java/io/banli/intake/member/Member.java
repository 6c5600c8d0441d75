package io.banli.intake.member;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A proposer on the register: a deputy (代表) with a delegation, a CPPCC member (委员) with a sector (界别), or a group
 * (集体提案: kind {@link MemberKind#GROUP}) with its type and contact person. A group's phone, e-mail and address are
 * its contact person's: personal information like a member's.
 */
@Entity
public class Member extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public MemberKind kind;

    public String name;

    /** 代表团 for a deputy, 界别 for a CPPCC member: public, printed in every report. */
    public String delegation;

    /** Personal information: unmasked only for the office and the member, never in logs or events. */
    public String phone;

    /** Personal information, like the phone. */
    public String email;

    /** Personal information, like the phone. */
    public String address;

    /** A group's type; null for a person. */
    @Enumerated(EnumType.STRING)
    public GroupType groupType;

    /** A group's contact person (联系人), who receives the reply and rates it for the group; null for a person. */
    public String contactName;

    /** The contact person's own record when they are a CPPCC member; null otherwise. */
    public Long contactMemberId;
}
