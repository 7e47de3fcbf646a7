package dev.checkpoint.errorreports;

import java.lang.reflect.Method;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

class ErrorReportRetentionJobTests {

	@Test
	void shouldDelegateToServiceWhenTriggered() {
		ErrorReportService service = mock(ErrorReportService.class);
		new ErrorReportRetentionJob(service).deleteExpiredReports();
		then(service).should().purgeExpired();
	}

	@Test
	void shouldRunDailyUnderOneClusterWideLockWhenScheduled() throws Exception {
		Method method = ErrorReportRetentionJob.class.getDeclaredMethod("deleteExpiredReports");
		assertThat(method.getAnnotation(Scheduled.class).cron())
			.isEqualTo("${checkpoint.error-reports.retention-cron:0 30 3 * * *}");
		assertThat(method.getAnnotation(SchedulerLock.class).name()).isEqualTo("error-report-retention");
	}

}
