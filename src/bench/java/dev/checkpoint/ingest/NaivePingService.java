package dev.checkpoint.ingest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The obvious design the group commit is measured against: each ping is saved with JPA
 * and its monthly-active rollup upserted, in a transaction of its own.
 */
@Service
@Profile("benchmark")
class NaivePingService {

	private final NaivePingRepository pings;

	NaivePingService(NaivePingRepository pings) {
		this.pings = pings;
	}

	@Transactional
	void store(Ping ping) {
		NaivePing row = this.pings.save(NaivePing.of(ping));
		LocalDate day = LocalDate.ofInstant(row.getReceivedAt(), ZoneOffset.UTC);
		LocalDate month = day.withDayOfMonth(1);
		UUID signature = row.getSignature();
		if (signature != null) {
			this.pings.markActive(row.getProduct(), month, signature, 1 << (day.getDayOfMonth() - 1),
					!Boolean.TRUE.equals(row.getCi()));
		}
		else {
			this.pings.countAnonymous(row.getProduct(), month);
		}
	}

}
