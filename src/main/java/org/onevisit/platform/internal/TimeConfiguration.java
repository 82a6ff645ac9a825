package org.onevisit.platform.internal;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every deadline is computed from, in China Standard Time: a working day
 * begins at midnight in Beijing whatever the server's zone. Tests replace it to move time
 * across holidays.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock(@Value("${onevisit.time-zone:Asia/Shanghai}") ZoneId zone) {
		return Clock.system(zone);
	}

}
