package io.banli.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * Which rows of the rollups answer a filter: a unit, a role or both read their own scope of the item sums (an item
 * counted once per scope), and a registration period compares days, both ends included, as the scan compares instants
 * from the first day's start to the end of the last.
 */
class RollupSelectionTest {

    @Test
    void everythingReadsTheItemsOnce() {
        RollupSelection s = RollupSelection.of(new Filter());
        assertThat(s.itemScope()).isEqualTo("scope = 'A'");
        assertThat(s.factScope()).isEqualTo("true");
        assertThat(s.parts()).isEqualTo("true");
        assertThat(s.parameters()).isEmpty();
    }

    @Test
    void aUnitReadsItsPartsInEveryRoleAndARoleItsItemsOnce() {
        Filter unit = new Filter();
        unit.unitId = 7L;
        assertThat(RollupSelection.of(unit).itemScope()).isEqualTo("scope = 'P' and unit_id = :unit");
        assertThat(RollupSelection.of(unit).parts()).isEqualTo("unit_id = :unit");
        Filter role = new Filter();
        role.role = Filter.Role.CO;
        // An item with two co-units has one R row for CO, not two: it is one item with a co-unit.
        assertThat(RollupSelection.of(role).itemScope()).isEqualTo("scope = 'R' and role = :role");
        assertThat(RollupSelection.of(role).factScope()).isEqualTo(":role = any(roles)");
        Filter both = new Filter();
        both.unitId = 7L;
        both.role = Filter.Role.LEAD;
        RollupSelection s = RollupSelection.of(both);
        assertThat(s.itemScope()).isEqualTo("scope = 'P' and unit_id = :unit and role = :role");
        assertThat(s.parts()).isEqualTo("unit_id = :unit and role = :role");
        assertThat(s.parameters()).containsEntry("unit", 7L).containsEntry("role", "LEAD");
    }

    @Test
    void aPeriodComparesRegistrationDaysWithBothEndsIncludedAndBindsEveryValue() {
        Filter f = new Filter();
        f.sessionId = 3L;
        f.field = "OTHER";
        f.keyItem = "true";
        f.from = LocalDate.of(2025, 1, 1);
        f.to = LocalDate.of(2025, 1, 31);
        RollupSelection s = RollupSelection.of(f);
        assertThat(s.dims()).isEqualTo("true and session_id = :session and field = :field and key_item = :key "
                + "and reg_day >= :from and reg_day <= :to");
        assertThat(s.parameters()).containsEntry("from", LocalDate.of(2025, 1, 1))
                .containsEntry("to", LocalDate.of(2025, 1, 31)).containsEntry("key", true).containsEntry("field", "OTHER");
        assertThat(s.dims()).doesNotContain("OTHER");
    }
}
