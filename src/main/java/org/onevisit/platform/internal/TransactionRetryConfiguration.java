package org.onevisit.platform.internal;

import javax.sql.DataSource;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts {@link TransactionRetry} around every {@code @Transactional} method, outside the
 * transaction itself, so that each attempt is a transaction of its own. Infrastructure
 * beans, as the transaction's own advisor is: the auto-proxy creator applies them.
 */
@Configuration(proxyBeanMethods = false)
class TransactionRetryConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static TransactionRetry transactionRetry(ObjectProvider<DatabaseWatch> watch, ObjectProvider<DataSource> pool) {
		return new TransactionRetry(watch, pool);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor transactionRetryAdvisor(TransactionRetry retry) {
		ComposablePointcut transactional = new ComposablePointcut(
				new AnnotationMatchingPointcut(Transactional.class, true))
			.union(new AnnotationMatchingPointcut(null, Transactional.class, true));
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(transactional, retry);
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return advisor;
	}

}
