package io.banli.supervision.rule;

/** The level of the congress or CPPCC an item was filed at. */
public enum Level {
    NATIONAL,
    PROVINCE,
    CITY,
    COUNTY,
    TOWNSHIP
}
