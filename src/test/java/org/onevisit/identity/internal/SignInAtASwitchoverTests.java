package org.onevisit.identity.internal;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.onevisit.Superuser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API request and every sign-in begins by reading its account, so at a planned
 * switchover these reads are the first to meet a pooled connection whose session the old
 * primary ended ({@code 57P01}). They run again on a new connection, as transactions do
 * (TransactionRetry), instead of answering 503 (PatroniFailoverFaultTest).
 */
@SpringBootTest
class SignInAtASwitchoverTests {

	@Autowired
	ApiTokens tokens;

	@Autowired
	AccountService accountService;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource pool;

	@Test
	void readsABearerTokensAccountOnANewConnectionWhenTheServerEndedThePooledOne() {
		String token = this.tokens.issue(this.accounts.findByUsername("applicant1").orElseThrow()).value();

		endThisThreadsPooledSession();
		OAuth2AuthenticatedPrincipal principal = this.tokens.introspect(token);

		assertThat(principal.getName()).isEqualTo("applicant1");
	}

	@Test
	void readsASigningInAccountOnANewConnectionWhenTheServerEndedThePooledOne() {
		endThisThreadsPooledSession();

		assertThat(this.accountService.loadUserByUsername("applicant1").getUsername()).isEqualTo("applicant1");
	}

	/**
	 * Ends, from a superuser's session, the server session of the connection this thread
	 * used last: the pool hands a thread its last connection first, and without checking
	 * it when it was used within the last half second.
	 */
	private void endThisThreadsPooledSession() {
		Superuser.of(this.pool).endSession(this.jdbc.sql("select pg_backend_pid()").query(Integer.class).single());
	}

}
