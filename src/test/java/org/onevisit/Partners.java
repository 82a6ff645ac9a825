package org.onevisit;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partners as the tests meet them, through the pages and endpoints a real one goes
 * through: the administrator registers a partner at {@code /admin/partners} and is shown
 * its client id and secret once; the partner takes a client-credentials token at
 * {@code /oauth2/token} for the scopes it files under; a citizen grants it a mandate at
 * {@code /my/mandates}. Beside {@link Matters}, for the tests of what partners file.
 */
public final class Partners {

	/** A partner's OAuth client, as the administrator's page shows it once. */
	public record Client(String clientId, String secret) {

		/** The demo bank, registered at first start in demo mode (README). */
		public static final Client DEMO_BANK = new Client("demo-bank", "onevisit-demo-bank");

		/** The HTTP Basic header of the client's own credentials. */
		public String basic() {
			return "Basic " + Base64.getEncoder()
				.encodeToString((this.clientId + ":" + this.secret).getBytes(StandardCharsets.UTF_8));
		}

	}

	private final int port;

	public Partners(int port) {
		this.port = port;
	}

	/**
	 * The administrator (admin1) registers a partner with this form ({@code name},
	 * {@code kind}, {@code groups}, …, URL-encoded); answers the client shown.
	 */
	public Client register(String form) {
		OneVisitHttp admin = signedIn("admin1");
		String csrf = OneVisitHttp.csrfTokenOf(admin.get("/admin/partners").body());
		HttpResponse<String> registered = admin.postForm("/admin/partners", form + "&_csrf=" + csrf);
		assertThat(registered.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(registered.body());
		return new Client(page.selectFirst("code.client-id").text(), page.selectFirst("code.client-secret").text());
	}

	/**
	 * The client's access token for these scopes (space-separated), by client
	 * credentials.
	 */
	public String token(Client client, String scopes) {
		HttpResponse<String> response = new OneVisitHttp(this.port).postForm("/oauth2/token",
				"grant_type=client_credentials&scope=" + encode(scopes), "Authorization", client.basic());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return OneVisitHttp.json(response).path("access_token").asString();
	}

	/** The same token as an {@code Authorization} header. */
	public String bearer(Client client, String scopes) {
		return "Bearer " + token(client, scopes);
	}

	/**
	 * The signed-in citizen grants the partner a mandate for these items (item or bundle
	 * codes) for thirty days, for this purpose; answers the mandate's id.
	 */
	public String grant(OneVisitHttp citizen, String clientId, String items, String purpose) {
		String csrf = OneVisitHttp.csrfTokenOf(citizen.get("/my/mandates").body());
		HttpResponse<String> granted = citizen.postForm("/my/mandates", "partner=" + clientId + "&items=" + items
				+ "&purpose=" + encode(purpose) + "&until=" + LocalDate.now().plusDays(30) + "&_csrf=" + csrf);
		assertThat(granted.statusCode()).isEqualTo(302);
		Document page = Jsoup.parse(citizen.get("/my/mandates").body());
		assertThat(page.select("[role=alert]")).as(page.select("[role=alert]").text()).isEmpty();
		return page.select("article.mandate").first().attr("data-mandate");
	}

	/** A demo account signed in on the pages, second factor included. */
	public OneVisitHttp signedIn(String username) {
		return OneVisitHttp.signedIn(this.port, username);
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
