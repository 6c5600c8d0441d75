package io.banli.supervision.rule;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One version of the rule of a stage, for one kind of submission and/or one level (each null: all of
 * them). The most specific active rule applies to a deadline.
 */
@Entity
public class DeadlineRule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public Stage stage;

    /** SUGGESTION or PROPOSAL; null applies to both. */
    public String kind;

    /** NATIONAL, PROVINCE, CITY, COUNTY or TOWNSHIP; null applies to every level. */
    public String level;

    public int version;

    public boolean active;

    /** The event that starts the clock, e.g. {@code assigned}. */
    public String startsOn;

    public int amount;

    @Enumerated(EnumType.STRING)
    public TimeUnit unit;

    /** How far an approved extension moves the deadline; null when the stage cannot be extended. */
    public Integer extensionAmount;

    @Enumerated(EnumType.STRING)
    public TimeUnit extensionUnit;

    /** Comma-separated working days before the deadline at which to warn; 0 is the day itself. */
    public String warningWorkingDays;

    public String legalSource;

    public Instant changedAt;

    public String changedBy;

    /**
     * How closely the rule fits an item of this kind and level, or -1 when it does not apply. A level's
     * own rule beats a kind's, since a level's measures replace the general ones; both together beat either.
     */
    public int specificity(String itemKind, String itemLevel) {
        if (kind != null && !kind.equals(itemKind) || level != null && !level.equals(itemLevel)) {
            return -1;
        }
        return (level != null ? 2 : 0) + (kind != null ? 1 : 0);
    }

    public List<Integer> warnings() {
        return warningWorkingDays.isBlank() ? List.of()
                : Arrays.stream(warningWorkingDays.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }
}
