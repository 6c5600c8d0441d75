package io.banli.intake.session;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A people's congress or CPPCC session (会议), e.g. 市六届人大三次会议. */
@Entity
public class Session extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public SessionKind kind;

    @Enumerated(EnumType.STRING)
    public SessionLevel level;

    public String name;

    public int year;

    public LocalDate opensOn;

    public LocalDate closesOn;

    /** Portals may file from here; null: no lower bound. */
    public Instant intakeOpensAt;

    /** Portals may file until here; also the default cut-off for co-signers. Null: no upper bound. */
    public Instant intakeClosesAt;

    /** Whether a portal may file at {@code now}: inside the intake window. */
    public boolean intakeOpen(Instant now) {
        return (intakeOpensAt == null || !now.isBefore(intakeOpensAt))
                && (intakeClosesAt == null || now.isBefore(intakeClosesAt));
    }
}
