package org.onevisit.identity.internal.web;

import java.util.List;

import org.onevisit.identity.Actor;
import org.onevisit.identity.OneVisitUser;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands every controller method that names an {@link Actor} parameter the actor the
 * signed-in user is, so that no controller decides on its own which role counts.
 */
@Configuration(proxyBeanMethods = false)
class ActorArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	ActorArguments() {
		// the actor comes from the session or the bearer token, never from the request's
		// parameters: the API document must not offer it as one
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Actor.class;
	}

	@Override
	public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binders) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof OneVisitUser user)) {
			// Deny by default: an action that names its actor is never anonymous.
			throw new AuthenticationCredentialsNotFoundException("no signed-in user");
		}
		return Actor.of(user);
	}

}
