package org.onevisit.identity.internal.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.identity.internal.SecondFactorLogin;
import org.onevisit.identity.internal.SecondFactors;
import org.onevisit.platform.LoginGuard;
import org.onevisit.platform.QrCodes;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a staff login: the TOTP code (or a recovery code) after the
 * password; at the first login, enrolment with a QR code for the authenticator app and
 * ten recovery codes shown once. Wrong codes count with the login throttle.
 */
@Controller
class SecondFactorController {

	/**
	 * Where department systems send their staff to sign in (Spring Authorization Server).
	 */
	private static final String AUTHORIZATION_ENDPOINT = "/oauth2/authorize";

	private static final String ENROLLING = SecondFactorController.class.getName() + ".secret";

	private final SecondFactors factors;

	private final SecondFactorLogin login;

	private final LoginGuard guard;

	SecondFactorController(SecondFactors factors, SecondFactorLogin login, LoginGuard guard) {
		this.factors = factors;
		this.login = login;
		this.guard = guard;
	}

	@GetMapping("/login/second-factor")
	String form(@AuthenticationPrincipal OneVisitUser user, HttpSession session, Model model) {
		if (this.factors.enrolled(user)) {
			return "identity/second-factor";
		}
		byte[] secret = (byte[]) session.getAttribute(ENROLLING);
		if (secret == null) {
			secret = this.factors.newSecret();
			session.setAttribute(ENROLLING, secret);
		}
		model.addAttribute("qr", QrCodes.qrSvg(SecondFactors.otpauthUri(user, secret)));
		model.addAttribute("secret", SecondFactors.base32(secret).replaceAll("(.{4})", "$1 ").strip());
		return "identity/second-factor-enrol";
	}

	@PostMapping("/login/second-factor")
	String verify(@AuthenticationPrincipal OneVisitUser user, @RequestParam String code, HttpServletRequest request,
			HttpServletResponse response, Model model) throws Exception {
		String address = request.getRemoteAddr();
		try {
			if (!this.guard.passes(user.getUsername(), address, () -> this.factors.verify(user, code))) {
				return "redirect:/login/second-factor?error";
			}
		}
		catch (LoginGuard.Refused refused) {
			return "redirect:/login?throttled";
		}
		this.login.complete(user, request, response);
		HttpSessionRequestCache asked = new HttpSessionRequestCache();
		SavedRequest saved = asked.getRequest(request, response);
		if (saved != null && URI.create(saved.getRedirectUrl())
			.getPath()
			.equals(request.getContextPath() + AUTHORIZATION_ENDPOINT)) {
			// a department system's sign-in: its code goes to the system's own address,
			// which the pages' form-action policy would refuse at the end of this form's
			// redirects; a new navigation from this page is no form submission
			asked.removeRequest(request, response);
			response.setHeader("Refresh", "0;url=" + saved.getRedirectUrl());
			model.addAttribute("continueTo", saved.getRedirectUrl());
			return "identity/continue";
		}
		// back to the page that asked for the login, as after a password
		new SavedRequestAwareAuthenticationSuccessHandler().onAuthenticationSuccess(request, response,
				SecurityContextHolder.getContext().getAuthentication());
		return null;
	}

	@PostMapping("/login/second-factor/enrol")
	String enrol(@AuthenticationPrincipal OneVisitUser user, @RequestParam String code, HttpSession session,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		byte[] secret = (byte[]) session.getAttribute(ENROLLING);
		if (secret == null || this.factors.enrolled(user)) {
			return "redirect:/login/second-factor";
		}
		List<String> recoveryCodes = this.factors.enrol(user, secret, code);
		if (recoveryCodes.isEmpty()) {
			return "redirect:/login/second-factor?error";
		}
		session.removeAttribute(ENROLLING);
		this.login.complete(user, request, response);
		model.addAttribute("recoveryCodes", recoveryCodes);
		return "identity/recovery-codes";
	}

}
