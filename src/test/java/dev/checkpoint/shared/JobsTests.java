package dev.checkpoint.shared;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.config.TriggerTask;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.PeriodicTrigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JobsTests {

	private final AtomicInteger runs = new AtomicInteger();

	private final Job locked = Job.onOneInstance("test.locked", "0 5 0 * * *", ZoneOffset.UTC, Duration.ofMinutes(1),
			this.runs::incrementAndGet);

	private final Job everywhere = Job.onEveryInstance("test.everywhere", Duration.ofSeconds(5),
			this.runs::incrementAndGet);

	private final Job off = Job.onOneInstance("test.off", "-", ZoneOffset.UTC, Duration.ofMinutes(1),
			this.runs::incrementAndGet);

	@Test
	void shouldRefuseAnInvalidCronWithTheJobsName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Job.onOneInstance("test.bad", "0 5 0 * *", ZoneOffset.UTC, Duration.ofMinutes(1),
					this.runs::incrementAndGet))
			.withMessageContaining("test.bad")
			.withMessageContaining("'0 5 0 * *'");
	}

	@Test
	void shouldRegisterEveryJobButTheOnesSwitchedOffWhenSchedulingIsOn() {
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
		jobs(true, granting()).configureTasks(registrar);
		assertThat(registrar.getTriggerTaskList()).extracting(TriggerTask::getTrigger)
			.hasSize(2)
			.anySatisfy((trigger) -> assertThat(trigger).isInstanceOf(CronTrigger.class).hasToString("0 5 0 * * *"))
			.anySatisfy((trigger) -> {
				assertThat(trigger).isInstanceOf(PeriodicTrigger.class);
				assertThat(((PeriodicTrigger) trigger).getPeriodDuration()).isEqualTo(Duration.ofSeconds(5));
				assertThat(((PeriodicTrigger) trigger).getInitialDelayDuration()).isEqualTo(Duration.ofSeconds(5));
			});
	}

	@Test
	void shouldRegisterNothingWhenSchedulingIsOff() {
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
		jobs(false, granting()).configureTasks(registrar);
		assertThat(registrar.getTriggerTaskList()).isEmpty();
	}

	@Test
	void shouldRunALockedJobOnlyWhenItGetsTheLock() {
		assertThat(jobs(true, granting()).run(this.locked)).isTrue();
		assertThat(this.runs).hasValue(1);
		assertThat(jobs(true, refusing()).run(this.locked)).isFalse();
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void shouldRunAJobOfEveryInstanceWithoutALock() {
		assertThat(jobs(true, refusing()).run(this.everywhere)).isTrue();
		assertThat(this.runs).hasValue(1);
	}

	private Jobs jobs(boolean enabled, LockProvider locks) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("locked", this.locked);
		beans.registerSingleton("everywhere", this.everywhere);
		beans.registerSingleton("off", this.off);
		return new Jobs(beans.getBeanProvider(Job.class), locks, new SchedulingProperties(enabled));
	}

	private static LockProvider granting() {
		return (configuration) -> Optional.of((SimpleLock) () -> {
		});
	}

	private static LockProvider refusing() {
		return (configuration) -> Optional.empty();
	}

}
