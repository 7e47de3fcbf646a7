package dev.checkpoint.shared;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on scheduled jobs; {@code checkpoint.scheduling.enabled=false} switches them off
 * (tests call the services directly).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "checkpoint.scheduling.enabled", matchIfMissing = true)
class SchedulingConfiguration {

}
