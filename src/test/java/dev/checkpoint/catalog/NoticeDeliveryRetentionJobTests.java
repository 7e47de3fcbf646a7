package dev.checkpoint.catalog;

import java.lang.reflect.Method;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

class NoticeDeliveryRetentionJobTests {

	@Test
	void shouldDelegateToRetentionWhenTriggered() {
		NoticeDeliveryRetention retention = mock(NoticeDeliveryRetention.class);
		new NoticeDeliveryRetentionJob(retention).deleteExpiredDeliveries();
		then(retention).should().purgeExpired();
	}

	@Test
	void shouldRunDailyUnderOneClusterWideLockWhenScheduled() throws Exception {
		Method method = NoticeDeliveryRetentionJob.class.getDeclaredMethod("deleteExpiredDeliveries");
		assertThat(method.getAnnotation(Scheduled.class).cron())
			.isEqualTo("${checkpoint.catalog.deliveries.retention-cron:0 45 3 * * *}");
		assertThat(method.getAnnotation(SchedulerLock.class).name()).isEqualTo("catalog.notice-delivery-retention");
	}

}
