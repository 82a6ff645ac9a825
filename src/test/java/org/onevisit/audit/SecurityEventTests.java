package org.onevisit.audit;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.onevisit.audit.SecurityEvent.AccessRefused;
import org.onevisit.audit.SecurityEvent.Kind;
import org.onevisit.audit.SecurityEvent.LoginFailed;
import org.onevisit.audit.SecurityEvent.LoginSucceeded;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityEventTests {

	@Test
	void everyEventIsStoredUnderAKindOfItsOwn() throws ReflectiveOperationException {
		Set<Kind> kinds = EnumSet.noneOf(Kind.class);

		for (Class<?> type : SecurityEvent.class.getPermittedSubclasses()) {
			Class<?>[] components = Arrays.stream(type.getRecordComponents())
				.map(RecordComponent::getType)
				.toArray(Class<?>[]::new);
			Constructor<?> canonical = type.getDeclaredConstructor(components);
			SecurityEvent event = (SecurityEvent) canonical.newInstance(new Object[components.length]);
			assertThat(kinds.add(event.kind())).as("%s has a kind no other event has", type.getSimpleName()).isTrue();
		}

		assertThat(kinds).containsExactlyInAnyOrder(Kind.values());
	}

	@Test
	void aLoginNamesThePersonAsItsSubjectAndTheAddressInItsDetail() {
		SecurityEvent held = LoginSucceeded.from("wang.fang", "10.0.0.7");
		SecurityEvent refused = LoginFailed.from("wang.fang", "10.0.0.7", "BadCredentialsException");

		assertThat(held)
			.extracting(SecurityEvent::kind, SecurityEvent::actor, SecurityEvent::subject, SecurityEvent::detail)
			.containsExactly(Kind.LOGIN_SUCCEEDED, "wang.fang", "wang.fang", "10.0.0.7");
		assertThat(refused).extracting(SecurityEvent::kind, SecurityEvent::subject, SecurityEvent::detail)
			.containsExactly(Kind.LOGIN_FAILED, "wang.fang", "BadCredentialsException 10.0.0.7");
	}

	@Test
	void aRefusedRequestNamesItsPathAsTheSubjectAndItsMethodAndPathInTheDetail() {
		SecurityEvent refused = AccessRefused.to("li.na", "POST", "/admin/catalogue/import");

		assertThat(refused)
			.extracting(SecurityEvent::kind, SecurityEvent::actor, SecurityEvent::subject, SecurityEvent::detail)
			.containsExactly(Kind.ACCESS_REFUSED, "li.na", "/admin/catalogue/import", "POST /admin/catalogue/import");
	}

}
