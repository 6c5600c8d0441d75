package io.banli.intake.session;

public enum SessionLevel {
    NATIONAL,
    PROVINCE,
    CITY,
    COUNTY,
    TOWNSHIP
}
