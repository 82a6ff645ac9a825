package org.onevisit.portal.internal;

import org.onevisit.catalog.Directory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final Directory directory;

	HomeController(Directory directory) {
		this.directory = directory;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("departments", this.directory.departments());
		return "portal/home";
	}

}
