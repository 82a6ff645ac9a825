package org.onevisit.platform;

import java.util.List;

/**
 * The operations of the API anyone may call without an account: the security
 * configuration permits exactly these, and the OpenAPI document declares no security
 * requirement on exactly these.
 */
public final class PublicApi {

	public static final List<ApiRoute> ROUTES = List.of(ApiRoute.post("/api/v1/auth/token"),
			ApiRoute.get("/api/v1/calendar/**"), ApiRoute.get("/api/v1/items"), ApiRoute.get("/api/v1/items/**"),
			ApiRoute.get("/api/v1/bundles"), ApiRoute.get("/api/v1/bundles/**"),
			ApiRoute.get("/api/v1/catalogue/indicators"),
			// verifying a licence needs no account: anyone handed one may check it
			ApiRoute.get("/api/v1/licences/keys"), ApiRoute.get("/api/v1/keys"), ApiRoute.get("/api/v1/keys/*"),
			ApiRoute.post("/api/v1/licences/verify"),
			// the public log's proofs are for everyone; a witness's cosignature is
			// accepted by its signature, not an account
			ApiRoute.get("/api/v1/log/proofs/*"), ApiRoute.post("/api/v1/log/cosignatures"),
			// a payment provider calls back without an account; the callback is signed
			ApiRoute.post("/api/v1/payments/callbacks/*"),
			// so does the SMS operator with its delivery receipts, signed with its key
			ApiRoute.post("/api/v1/sms/receipts"), ApiRoute.get("/api/v1/halls"), ApiRoute.get("/api/v1/halls/**"),
			// open data is for everyone; each cell is about ten people or more
			ApiRoute.get("/api/v1/open-data/**"));

	private PublicApi() {
	}

	public static boolean covers(String method, String documentedPath) {
		return ROUTES.stream().anyMatch((route) -> route.covers(method, documentedPath));
	}

}
