package io.banli.intake.member;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A deputy (代表) with a delegation, or a CPPCC member (委员) with a sector (界别). */
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
}
