package io.banli.intake.session;

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
}
