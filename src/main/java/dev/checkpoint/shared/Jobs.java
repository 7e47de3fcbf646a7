package dev.checkpoint.shared;

import java.time.Duration;
import java.util.List;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.PeriodicTrigger;
import org.springframework.stereotype.Component;

/**
 * Runs every module's {@link Job}: on its schedule (unless
 * {@code checkpoint.scheduling.enabled} is off), or on demand. A job that runs on one
 * instance at a time runs under a ShedLock lock in the {@code shedlock} table, which uses
 * the database's clock (UTC), not the replicas' clocks.
 */
@Component
public class Jobs implements SchedulingConfigurer {

	/**
	 * How long a locked job's lock is held at least: another replica whose clock is a few
	 * seconds behind skips the tick the first one ran, instead of running it again.
	 */
	static final Duration LOCK_AT_LEAST_FOR = Duration.ofSeconds(30);

	private static final Log logger = LogFactory.getLog(Jobs.class);

	private final ObjectProvider<Job> jobs;

	private final LockingTaskExecutor locks;

	private final SchedulingProperties properties;

	Jobs(ObjectProvider<Job> jobs, LockProvider lockProvider, SchedulingProperties properties) {
		this.jobs = jobs;
		this.locks = new DefaultLockingTaskExecutor(lockProvider);
		this.properties = properties;
	}

	/** Every job of the application. */
	public List<Job> all() {
		return this.jobs.orderedStream().toList();
	}

	/**
	 * Runs a job now, under its lock when it has one.
	 * @param job the job
	 * @return whether it ran ({@code false}: another instance holds its lock)
	 */
	public boolean run(Job job) {
		if (!job.locked()) {
			job.work().run();
			return true;
		}
		LockConfiguration lock = new LockConfiguration(ClockProvider.now(), job.name(), job.lockAtMostFor(),
				LOCK_AT_LEAST_FOR);
		try {
			return this.locks.executeWithLock(() -> {
				job.work().run();
				return null;
			}, lock).wasExecuted();
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!this.properties.enabled()) {
			logger.info("Scheduled jobs are off (checkpoint.scheduling.enabled=false)");
			return;
		}
		for (Job job : all()) {
			if (job.off()) {
				logger.info("Job " + job.name() + " is off (its cron is '-')");
				continue;
			}
			registrar.addTriggerTask(() -> run(job), trigger(job));
		}
	}

	private static Trigger trigger(Job job) {
		if (job.cron() != null) {
			return new CronTrigger(job.cron(), job.zone());
		}
		PeriodicTrigger trigger = new PeriodicTrigger(job.interval());
		trigger.setInitialDelay(job.interval());
		return trigger;
	}

}
