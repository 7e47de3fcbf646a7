package dev.checkpoint.shared;

import java.time.Duration;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.support.CronExpression;

/**
 * A piece of work the application runs on a schedule. Modules declare their jobs as
 * beans, with the schedule taken from their settings records, and {@link Jobs} registers
 * them: the generated configuration metadata lists every schedule, with its default
 * stated once.
 *
 * @param name the job's name, unique; for a job that runs on one instance at a time, also
 * the name of its lock in the {@code shedlock} table
 * @param cron when it runs (Spring's six-field format, in {@code zone}), or {@code null}
 * for a job that runs every {@code interval}
 * @param zone the time zone of {@code cron}
 * @param interval the pause between the end of one run and the start of the next (and
 * before the first), or {@code null} for a cron job
 * @param lockAtMostFor for a job that runs on one instance at a time, how long its lock
 * is held at most should the instance die while running it; {@code null} for a job that
 * runs on every instance
 * @param work what it does
 */
public record Job(String name, @Nullable String cron, ZoneId zone, @Nullable Duration interval,
		@Nullable Duration lockAtMostFor, Runnable work) {

	/** The cron that switches a job off, as in Spring's {@code @Scheduled}. */
	public static final String OFF = "-";

	public Job {
		if ((cron == null) == (interval == null)) {
			throw new IllegalArgumentException("Job " + name + " needs either a cron or an interval");
		}
		if (cron != null && !OFF.equals(cron) && !CronExpression.isValidExpression(cron)) {
			throw new IllegalArgumentException("Job " + name + " has an invalid cron '" + cron
					+ "' (six fields: second minute hour day month weekday, or '-' for off)");
		}
	}

	/**
	 * A job that runs on one instance at a time: with several replicas, the one that
	 * takes the job's lock runs it and the others skip that tick.
	 * @param name the job's name and lock
	 * @param cron when it runs, or {@code -} for never
	 * @param zone the time zone of the cron
	 * @param lockAtMostFor how long the lock outlives an instance that dies while running
	 * the job (longer than the job ever takes)
	 * @param work what it does
	 * @return the job
	 */
	public static Job onOneInstance(String name, String cron, ZoneId zone, Duration lockAtMostFor, Runnable work) {
		return new Job(name, cron, zone, null, lockAtMostFor, work);
	}

	/**
	 * A job that runs on every instance, each for itself (such as reloading a cache).
	 * @param name the job's name
	 * @param interval the pause before the first run and between runs
	 * @param work what it does
	 * @return the job
	 */
	public static Job onEveryInstance(String name, Duration interval, Runnable work) {
		return new Job(name, null, ZoneId.systemDefault(), interval, null, work);
	}

	/** Whether the job runs under a lock, on one instance at a time. */
	public boolean locked() {
		return this.lockAtMostFor != null;
	}

	/** Whether the schedule switches the job off. */
	public boolean off() {
		return OFF.equals(this.cron);
	}

}
