package dev.checkpoint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.checkpoint.catalog.Catalog;
import dev.checkpoint.shared.Job;
import dev.checkpoint.shared.Jobs;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.NameMatchMethodPointcut;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances with real web servers on one database, as two replicas behind
 * a load balancer: pings sent alternately to both under load are each stored exactly
 * once, and the ShedLock'ed jobs, fired on both at the same moment, run once.
 */
class TwoReplicasIT {

	private static final String PRODUCT = "replicatest";

	private static final int PINGS = 2000;

	/** The job's delegate method that does the work, by the delegate's class name. */
	private static final Map<String, String> JOB_WORK = Map.of("dev.checkpoint.reports.MauReportService",
			"refreshCurrentMonth", "dev.checkpoint.ingest.PartitionManager", "ensurePartitions",
			"dev.checkpoint.errorreports.ErrorReportService", "purgeExpired",
			"dev.checkpoint.catalog.NoticeDeliveryRetention", "purgeExpired");

	/** Runs of each job's work, counted across both instances. */
	private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startTwoInstances() {
		first = start();
		second = start();
	}

	@AfterAll
	static void stopInstances() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { first, second }) {
			if (context != null) {
				context.close();
			}
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(CheckpointApplication.class, TestcontainersConfiguration.class,
				JobRunCounting.class)
			.run("--server.port=0", "--spring.jmx.enabled=false", "--checkpoint.reports.refresh-cron=-",
					"--checkpoint.reports.close-cron=-", "--checkpoint.reports.daily-cron=-",
					"--checkpoint.ingest.partition-cron=-", "--checkpoint.ingest.retention-cron=-",
					"--checkpoint.error-reports.retention-cron=-", "--checkpoint.catalog.deliveries.retention-cron=-");
	}

	@Test
	void shouldStoreEveryAcknowledgedPingOnceWhenSentAlternatelyToBothInstances() throws Exception {
		JdbcClient jdbc = first.getBean(JdbcClient.class);
		jdbc.sql("delete from pings where product_id in (select id from ping_products where name = ?)")
			.param(PRODUCT)
			.update();
		jdbc.sql("insert into products (name) values (?) on conflict (name) do update set retired_at = null")
			.param(PRODUCT)
			.update();
		first.getBean(Catalog.class).refresh();
		second.getBean(Catalog.class).refresh();
		List<Integer> ports = List.of(port(first), port(second));
		List<UUID> acknowledged = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<UUID>> sends = new ArrayList<>();
		for (int i = 0; i < PINGS; i++) {
			int index = i;
			sends.add(pool.submit(() -> send(ports.get(index % 2), index)));
		}
		for (Future<UUID> send : sends) {
			UUID signature = send.get();
			if (signature != null) {
				acknowledged.add(signature);
			}
		}
		pool.shutdown();

		assertThat(acknowledged).as("acknowledged pings").hasSizeGreaterThan(PINGS * 9 / 10).doesNotHaveDuplicates();
		UUID[] signatures = acknowledged.toArray(UUID[]::new);
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(
					() -> assertThat(jdbc.sql("select count(distinct signature) from pings where signature = any(?)")
						.param(signatures)
						.query(Long.class)
						.single()).isEqualTo(acknowledged.size()));
		assertThat(jdbc.sql(
				"select count(*) from (select signature from ping_details where product = ? group by signature having count(*) > 1) twice")
			.param(PRODUCT)
			.query(Long.class)
			.single()).as("signatures stored in more than one row").isZero();
		assertThat(jdbc.sql("select count(*) from ping_details where product = ? and client_event_id is not null")
			.param(PRODUCT)
			.query(Long.class)
			.single()).as("GET pings, the ones with a client_event_id").isPositive();
	}

	@Test
	void shouldRunEachLockedJobOnceWhenBothInstancesFireItAtTheSameMoment() throws Exception {
		assertJobRunsOnce("reports.mau-refresh", "refreshCurrentMonth");
		assertJobRunsOnce("ingest.partitions", "ensurePartitions");
		assertJobRunsOnce("error-report-retention", "purgeExpired");
		assertJobRunsOnce("catalog.notice-delivery-retention", "purgeExpired");
	}

	private void assertJobRunsOnce(String name, String work) throws Exception {
		JdbcClient jdbc = first.getBean(JdbcClient.class);
		for (int round = 0; round < 3; round++) {
			jdbc.sql("update shedlock set lock_until = timezone('utc', now()) - interval '1 minute' where name = ?")
				.param(name)
				.update();
			int before = runs(work);
			CyclicBarrier barrier = new CyclicBarrier(2);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			List<Future<Boolean>> fired = new ArrayList<>();
			for (ConfigurableApplicationContext context : List.of(first, second)) {
				Jobs jobs = context.getBean(Jobs.class);
				Job job = jobs.all().stream().filter((candidate) -> candidate.name().equals(name)).findFirst().get();
				fired.add(pool.submit(() -> {
					barrier.await();
					return jobs.run(job);
				}));
			}
			List<Boolean> ran = new ArrayList<>();
			for (Future<Boolean> run : fired) {
				ran.add(run.get());
			}
			pool.shutdown();
			assertThat(ran).as("which instance ran %s in round %d", name, round).containsExactlyInAnyOrder(true, false);
			assertThat(runs(work)).as("runs of %s in round %d", name, round).isEqualTo(before + 1);
		}
	}

	private static int runs(String work) {
		return RUNS.computeIfAbsent(work, (name) -> new AtomicInteger()).get();
	}

	/** Sends ping {@code index}; answers its signature when acknowledged. */
	private UUID send(int port, int index) throws Exception {
		UUID signature = UUID.randomUUID();
		String eventId = UUID.randomUUID().toString();
		String base = "http://127.0.0.1:" + port;
		HttpRequest request = switch (index % 3) {
			case 0 -> HttpRequest
				.newBuilder(URI.create(base + "/v1/check/" + PRODUCT + "?version=1.0.0&signature=" + signature
						+ "&client_event_id=" + eventId))
				.GET()
				.build();
			case 1 -> HttpRequest.newBuilder(URI.create(base + "/v1/check/" + PRODUCT))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"version\":\"1.0.0\",\"signature\":\"" + signature
						+ "\",\"client_event_id\":\"" + eventId + "\"}"))
				.build();
			default -> HttpRequest.newBuilder(URI.create(base + "/v1/telemetry/" + PRODUCT))
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"version\":\"1.0.0\",\"signature\":\"" + signature + "\",\"run_id\":\"" + eventId + "\"}"))
				.build();
		};
		int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		return (status == 200 || status == 201) ? signature : null;
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * Counts every call of a job's work (see {@link #JOB_WORK}) by wrapping the delegate
	 * the job calls inside its lock: without the lock, both instances would count.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class JobRunCounting {

		@Bean
		static BeanPostProcessor jobRunCounter() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					Class<?> type = AopUtils.getTargetClass(bean);
					String work = JOB_WORK.get(type.getName());
					return (work != null) ? counted(bean, type, work) : bean;
				}

			};
		}

		private static Object counted(Object bean, Class<?> type, String work) {
			NameMatchMethodPointcut pointcut = new NameMatchMethodPointcut();
			pointcut.setMappedName(work);
			Advisor advisor = new DefaultPointcutAdvisor(pointcut, (MethodInterceptor) (invocation) -> {
				RUNS.computeIfAbsent(work, (key) -> new AtomicInteger()).incrementAndGet();
				return invocation.proceed();
			});
			if (bean instanceof Advised advised && !advised.isFrozen()) {
				advised.addAdvisor(0, advisor);
				return bean;
			}
			ProxyFactory factory = new ProxyFactory(bean);
			factory.setProxyTargetClass(true);
			factory.addAdvisor(advisor);
			return factory.getProxy(type.getClassLoader());
		}

	}

}
