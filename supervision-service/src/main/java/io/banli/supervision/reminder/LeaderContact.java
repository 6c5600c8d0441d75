package io.banli.supervision.reminder;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How to reach the official leading key items. Personal information. */
@Entity
public class LeaderContact extends PanacheEntityBase {

    /** The official as key items name them, e.g. 王副市长. */
    @Id
    public String official;

    public String phone;

    public String email;
}
