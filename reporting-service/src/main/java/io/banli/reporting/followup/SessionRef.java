package io.banli.reporting.followup;

/** A session as reporting knows it from the registrations: id, name, body (kind and level) and year. */
public record SessionRef(long id, String name, String kind, String level, Integer year) {
}
