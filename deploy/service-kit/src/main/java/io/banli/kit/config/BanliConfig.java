package io.banli.kit.config;

import java.math.BigDecimal;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * What every service counts by, read in one place: the zone days, deadlines and years are counted in, and the
 * office's on-time standard that notices and rankings hold units against. The kit's properties set both from
 * {@code BANLI_ZONE} and {@code BANLI_ON_TIME_STANDARD}.
 */
@ConfigMapping(prefix = "banli.standards")
public interface BanliConfig {

    /** {@code banli.standards.zone}: the deployment's zone (Beijing time); a deadline's day is a day in it. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /**
     * {@code banli.standards.on-time}: the share of deadlines, in percent, a unit should meet on time; notices
     * and rankings mark the units below it unless a request names another standard.
     */
    @WithName("on-time")
    @WithDefault("85")
    BigDecimal onTimeStandard();
}
