package org.onevisit.identity.internal;

import org.onevisit.identity.Actor;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.identity.People;
import org.onevisit.identity.Role;
import org.onevisit.platform.Sentence;
import org.onevisit.platform.Sentences;

import org.springframework.stereotype.Component;

// public: pages call it by its bean name
@Component("people")
public class AccountPeople implements People {

	private final Accounts accounts;

	private final Sentences sentences;

	AccountPeople(Accounts accounts, Sentences sentences) {
		this.accounts = accounts;
		this.sentences = sentences;
	}

	@Override
	public String name(String username) {
		return this.sentences.render(nameOf(username).stored());
	}

	@Override
	public Sentence nameOf(String username) {
		if (username == null || username.equals(Actor.system().username())) {
			return Sentence.of("people.platform");
		}
		// no account by that name: the platform acting under a name of its own (the demo
		// seeding), or a person's account no longer there
		return this.accounts.findByUsername(username)
			.map(AccountPeople::name)
			.orElseGet(() -> Sentence.of(username.startsWith("rid:") ? "people.unknown" : "people.platform"));
	}

	private static Sentence name(OneVisitUser user) {
		for (Role role : new Role[] { Role.ADMIN, Role.SUPERVISOR, Role.REVIEWER, Role.CLERK }) {
			if (user.hasRole(role)) {
				return Sentence.of("people.staff", user.displayName(), Sentence.of("people.role." + role.name()));
			}
		}
		return Sentence.of("people.applicant", user.displayName());
	}

}
