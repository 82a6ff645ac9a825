package org.onevisit.platform.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Periodic work (catalogue refresh now; deadline scans and retries later) runs on
 * Spring's scheduler.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
