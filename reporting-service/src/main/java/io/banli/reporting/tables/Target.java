package io.banli.reporting.tables;

/**
 * Which set of projection tables events are written to: the live one the API reads, or the fresh
 * one a rebuild fills from the beginning of the topics before it takes the live one's place.
 */
public enum Target {
    LIVE(""),
    REBUILD("rebuild_");

    private final String prefix;

    Target(String prefix) {
        this.prefix = prefix;
    }

    /** The table's name in this set; names are constants of this service, never input. */
    public String table(String name) {
        return prefix + name;
    }
}
