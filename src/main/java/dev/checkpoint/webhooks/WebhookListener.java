package dev.checkpoint.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.checkpoint.catalog.RolloutChanged;
import dev.checkpoint.errorreports.ErrorGroupActivity;
import dev.checkpoint.errorreports.ErrorGroupCreated;
import dev.checkpoint.reports.MauMonthClosed;
import dev.checkpoint.reports.NoticeExposureComputed;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the events other modules publish into webhook deliveries, in their transaction.
 */
@Component
class WebhookListener {

	private final WebhookEvents events;

	WebhookListener(WebhookEvents events) {
		this.events = events;
	}

	@EventListener
	void on(RolloutChanged change) {
		this.events.publish("rollout.changed",
				"%s %s: rollout %s, %s at %s %% of developers".formatted(change.product(), change.version(),
						change.action(), change.state(), percent(change.percent())),
				Map.of("product", change.product(), "version", change.version(), "action", change.action(), "state",
						change.state(), "percent", change.percent()));
	}

	@EventListener
	void on(MauMonthClosed closed) {
		this.events.publish("mau.month-closed",
				String.format(Locale.ROOT, "%s: %,d monthly active developers in %s (%,d outside CI)", closed.product(),
						closed.developers(), closed.month(), closed.developersExcludingCi()),
				Map.of("product", closed.product(), "month", closed.month().toString(), "developers",
						closed.developers(), "developers_excluding_ci", closed.developersExcludingCi()));
	}

	@EventListener
	void on(ErrorGroupCreated created) {
		this.events.publish("error-group.created",
				"%s: new crash report group \"%s\"".formatted(created.product(), created.title()), Map.of("product",
						created.product(), "group_id", created.groupId().toString(), "title", created.title()));
	}

	/**
	 * Tells each endpoint with a notice exposure threshold when a notice's exposure fell
	 * below it that day, or is still at or above it the given number of days after the
	 * notice was created; once each (the event id names notice, kind and day).
	 */
	@EventListener
	void on(NoticeExposureComputed computed) {
		LocalDate created = LocalDate.ofInstant(computed.createdAt(), ZoneOffset.UTC);
		for (WebhookEvents.ExposureEndpoint endpoint : this.events.exposureEndpoints()) {
			String kind = null;
			String text = null;
			if (computed.exposedDayBefore() != null && computed.exposedDayBefore() >= endpoint.threshold()
					&& computed.exposed() < endpoint.threshold()) {
				kind = "fell-below";
				text = "%s: developers on a version notice #%d applies to fell below %d (%d on %s)".formatted(
						computed.product(), computed.noticeId(), endpoint.threshold(), computed.exposed(),
						computed.day());
			}
			else if (computed.day().equals(created.plusDays(endpoint.afterDays()))
					&& computed.exposed() >= endpoint.threshold()) {
				kind = "still-above";
				text = "%s: %d developers still on a version notice #%d applies to, %d days after it (threshold %d)"
					.formatted(computed.product(), computed.exposed(), computed.noticeId(), endpoint.afterDays(),
							endpoint.threshold());
			}
			if (kind != null) {
				UUID id = UUID.nameUUIDFromBytes("notice.exposure:%d:%s:%s:%d"
					.formatted(computed.noticeId(), kind, computed.day(), endpoint.threshold())
					.getBytes(StandardCharsets.UTF_8));
				this.events.publishTo(endpoint.id(), id, "notice.exposure", text,
						Map.of("product", computed.product(), "notice_id", computed.noticeId(), "message",
								computed.message(), "day", computed.day().toString(), "exposed", computed.exposed(),
								"threshold", endpoint.threshold(), "kind", kind));
			}
		}
	}

	/**
	 * Tells each endpoint watching for spikes when a group's reports of the last hour
	 * reach its minimum and exceed its factor times the group's usual hourly rate (over
	 * the 7 days before; a group without any then counts as one report a week); once per
	 * group and clock hour.
	 */
	@EventListener
	void on(ErrorGroupActivity activity) {
		double usual = Math.max(activity.reportsWeekBefore(), 1) / (7.0 * 24);
		for (WebhookEvents.SpikeEndpoint endpoint : this.events.spikeEndpoints()) {
			if (activity.reportsLastHour() < endpoint.minReports()
					|| activity.reportsLastHour() <= endpoint.factor() * usual) {
				continue;
			}
			Instant hour = activity.at().truncatedTo(ChronoUnit.HOURS);
			UUID id = UUID.nameUUIDFromBytes(
					"error-group.spike:%s:%s".formatted(activity.groupId(), hour).getBytes(StandardCharsets.UTF_8));
			this.events.publishTo(endpoint.id(), id, "error-group.spike",
					String.format(Locale.ROOT, "%s: %d crash reports of \"%s\" in the last hour, usually %.2f an hour",
							activity.product(), activity.reportsLastHour(), activity.title(), usual),
					Map.of("product", activity.product(), "group_id", activity.groupId().toString(), "title",
							activity.title(), "reports_last_hour", activity.reportsLastHour(), "usual_per_hour",
							usual));
		}
	}

	private static String percent(double percent) {
		return (percent == Math.rint(percent)) ? String.valueOf((long) percent) : String.valueOf(percent);
	}

}
