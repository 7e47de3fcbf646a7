package dev.checkpoint.ingest;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.context.annotation.Profile;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The naive benchmark variant's storage: one {@code save()} and one rollup upsert per
 * ping, each ping in its own transaction.
 */
@Profile("benchmark")
interface NaivePingRepository extends JpaRepository<NaivePing, String> {

	@Modifying
	@Query(nativeQuery = true, value = """
			insert into monthly_actives as m (product, month, signature, days, non_ci)
			values (:product, :month, :signature, :day, :nonCi)
			on conflict (product, month, signature) do update
			  set days = m.days | excluded.days, non_ci = m.non_ci or excluded.non_ci
			  where m.days | excluded.days <> m.days or (excluded.non_ci and not m.non_ci)""")
	int markActive(String product, LocalDate month, UUID signature, int day, boolean nonCi);

	@Modifying
	@Query(nativeQuery = true, value = """
			insert into monthly_anonymous as a (product, month, pings) values (:product, :month, 1)
			on conflict (product, month) do update set pings = a.pings + 1""")
	int countAnonymous(String product, LocalDate month);

}
