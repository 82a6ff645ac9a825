package org.onevisit.catalog;

/** The five administrative levels (五级): province, city, county, township, village. */
public enum RegionLevel {

	PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE

}
