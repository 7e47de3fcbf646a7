package dev.checkpoint.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import dev.checkpoint.CheckpointApplication;
import dev.checkpoint.TestcontainersConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database, as two replicas, delivering the same queue
 * at the same moment: every delivery reaches the receiver exactly once.
 */
class WebhookTwoInstancesIT {

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static HttpServer receiver;

	private static final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();

	@BeforeAll
	static void startReceiverAndTwoInstances() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.setExecutor(Executors.newFixedThreadPool(4));
		receiver.createContext("/hook", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			received.add(exchange.getRequestHeaders().getFirst("X-Checkpoint-Delivery"));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		first = start();
		second = start();
	}

	@AfterAll
	static void stopAll() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { first, second }) {
			if (context != null) {
				context.close();
			}
		}
		if (receiver != null) {
			receiver.stop(0);
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(CheckpointApplication.class, TestcontainersConfiguration.class).run(
				"--server.port=0", "--spring.jmx.enabled=false", "--checkpoint.ingest.partition-cron=-",
				"--checkpoint.error-reports.retention-cron=-", "--checkpoint.catalog.deliveries.retention-cron=-");
	}

	@Test
	void shouldDeliverEachQueuedEventOnceWhenBothInstancesDeliverAtOnce() throws Exception {
		JdbcClient jdbc = first.getBean(JdbcClient.class);
		jdbc.sql("truncate webhook_attempts, webhook_deliveries, webhook_endpoints cascade").update();
		first.getBean(WebhookService.class)
			.register(new WebhookEndpointRequest("http://127.0.0.1:%d/hook".formatted(receiver.getAddress().getPort()),
					"two-instances-secret", List.of("mau.month-closed"), null, null));
		WebhookEvents events = second.getBean(WebhookEvents.class);
		for (int i = 0; i < 60; i++) {
			events.publish("mau.month-closed", "month " + i, Map.of("i", i));
		}
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Integer>> runs = List.of(pool.submit(() -> {
			start.await();
			return first.getBean(WebhookDeliverer.class).deliverDue();
		}), pool.submit(() -> {
			start.await();
			return second.getBean(WebhookDeliverer.class).deliverDue();
		}));
		int attempted = 0;
		for (Future<Integer> run : runs) {
			attempted += run.get();
		}
		pool.shutdown();

		assertThat(attempted).isEqualTo(60);
		assertThat(received).hasSize(60);
		assertThat(received.stream().collect(Collectors.toSet())).as("no delivery twice").hasSize(60);
		assertThat(runs.get(0).get()).as("both instances took part").isPositive();
		assertThat(runs.get(1).get()).isPositive();
		assertThat(jdbc.sql("select count(*) from webhook_deliveries where status = 'delivered'")
			.query(Long.class)
			.single()).isEqualTo(60);
	}

}
