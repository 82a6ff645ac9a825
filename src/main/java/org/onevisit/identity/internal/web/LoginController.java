package org.onevisit.identity.internal.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.onevisit.identity.internal.SecondFactors;
import org.onevisit.platform.DatabaseMode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	// Listed on the login page in demo mode only, so that a tester need not look them up.
	static final List<String> DEMO_USERNAMES = List.of("applicant1", "applicant2", "clerk1", "reviewer-nr",
			"reviewer-nr2", "reviewer-housing", "reviewer-tax", "supervisor1", "admin1");

	private final DatabaseMode mode;

	LoginController(DatabaseMode mode) {
		this.mode = mode;
	}

	@GetMapping("/login")
	String login(Model model, HttpServletRequest request, HttpServletResponse response) {
		if (request.getParameter("throttled") != null) {
			response.setStatus(429);
		}
		model.addAttribute("demoUsernames", this.mode.demo() ? DEMO_USERNAMES : List.of());
		model.addAttribute("demoTotpSecret", SecondFactors.DEMO_TOTP_SECRET);
		return "identity/login";
	}

}
