package org.onevisit.portal.internal.web;

import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.Directory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final Directory directory;

	private final Catalogue catalogue;

	HomeController(Directory directory, Catalogue catalogue) {
		this.directory = directory;
		this.catalogue = catalogue;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("departments", this.directory.departments());
		model.addAttribute("bundles", this.catalogue.publishedBundles());
		return "portal/home";
	}

}
