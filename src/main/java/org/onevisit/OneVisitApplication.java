package org.onevisit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * OneVisit: any government matter done with at most one visit. Each direct sub-package is
 * one business capability (a Spring Modulith module).
 */
@Modulithic(systemName = "OneVisit", sharedModules = "shared")
@SpringBootApplication
public class OneVisitApplication {

	public static void main(String[] args) {
		SpringApplication.run(OneVisitApplication.class, args);
	}

}
