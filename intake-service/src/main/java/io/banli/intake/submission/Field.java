package io.banli.intake.submission;

/** Subject field (类别), the seeds' categories; reports give the share of each. */
public enum Field {
    ECONOMY_SCIENCE,
    SOCIAL_LIVELIHOOD,
    URBAN_CONSTRUCTION_TRANSPORT,
    AGRICULTURE_RURAL,
    POLITICS_LAW,
    OTHER
}
