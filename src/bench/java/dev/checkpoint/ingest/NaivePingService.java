package dev.checkpoint.ingest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The obvious design the group commit is measured against: each ping is saved with JPA
 * and its monthly-active rollup upserted, in a transaction of its own. Its shape comes
 * and product ids come from the same dictionaries as the group commit's.
 */
@Service
@Profile("benchmark")
class NaivePingService {

	private final NaivePingRepository pings;

	private final PingProducts products;

	private final PingShapes shapes;

	private final JdbcClient jdbc;

	NaivePingService(NaivePingRepository pings, PingProducts products, PingShapes shapes, JdbcClient jdbc) {
		this.pings = pings;
		this.products = products;
		this.shapes = shapes;
		this.jdbc = jdbc;
	}

	@Transactional
	void store(Ping ping) {
		int product = this.products.ids(this.jdbc, List.of(ping.product()))[0];
		int shape = this.shapes.ids(this.jdbc, List.of(PingShape.of(ping)))[0];
		NaivePing row = this.pings.save(NaivePing.of(ping, product, shape));
		LocalDate day = LocalDate.ofInstant(row.getReceivedAt(), ZoneOffset.UTC);
		LocalDate month = day.withDayOfMonth(1);
		UUID signature = row.getSignature();
		if (signature != null) {
			this.pings.markActive(ping.product(), month, signature, 1 << (day.getDayOfMonth() - 1),
					!Boolean.TRUE.equals(row.getCi()));
		}
		else {
			this.pings.countAnonymous(ping.product(), month);
		}
	}

}
