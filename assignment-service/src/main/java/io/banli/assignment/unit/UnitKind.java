package io.banli.assignment.unit;

public enum UnitKind {
    BUREAU,
    COMMISSION,
    DISTRICT_GOVERNMENT,
    OTHER
}
