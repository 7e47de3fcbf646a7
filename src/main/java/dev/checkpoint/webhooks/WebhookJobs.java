package dev.checkpoint.webhooks;

import dev.checkpoint.shared.Job;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhooks' scheduled job. */
@Configuration(proxyBeanMethods = false)
class WebhookJobs {

	/**
	 * Delivers what is due, on every instance (each takes different deliveries: they are
	 * locked with skip locked).
	 */
	@Bean
	Job webhookDeliveryJob(WebhookDeliverer deliverer, WebhooksProperties properties) {
		return Job.onEveryInstance("webhooks.deliver", properties.deliveryInterval(), deliverer::deliverDue);
	}

}
