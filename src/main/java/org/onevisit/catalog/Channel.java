package org.onevisit.catalog;

/** Where an item can be applied for. */
public enum Channel {

	ONLINE, HALL, BOTH;

	public boolean online() {
		return this != HALL;
	}

	public boolean hall() {
		return this != ONLINE;
	}

}
