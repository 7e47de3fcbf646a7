package dev.checkpoint.webhooks;

import java.util.Locale;
import java.util.Map;

import dev.checkpoint.catalog.RolloutChanged;
import dev.checkpoint.errorreports.ErrorGroupCreated;
import dev.checkpoint.reports.MauMonthClosed;

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

	private static String percent(double percent) {
		return (percent == Math.rint(percent)) ? String.valueOf((long) percent) : String.valueOf(percent);
	}

}
