package dev.checkpoint.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the scheduled jobs ({@link Job}).
 *
 * @param enabled run the jobs on their schedules; off, no job runs by itself (a job can
 * still be run on demand, under its lock, as tests and start-up catch-ups do)
 */
@ConfigurationProperties("checkpoint.scheduling")
record SchedulingProperties(@DefaultValue("true") boolean enabled) {
}
