package org.onevisit.catalog.internal.web;

import java.util.Locale;

import org.onevisit.catalog.RegionLevel;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a region level from a query string as people write it: {@code ?level=county} as
 * well as {@code ?level=COUNTY}; an unknown level is still refused.
 */
@Component
class RegionLevels implements Converter<String, RegionLevel> {

	@Override
	public RegionLevel convert(String source) {
		String level = source.strip();
		return level.isEmpty() ? null : RegionLevel.valueOf(level.toUpperCase(Locale.ROOT));
	}

}
