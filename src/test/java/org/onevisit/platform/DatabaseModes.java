package org.onevisit.platform;

/**
 * Database modes for tests of what a demo start does differently from a production one.
 */
public final class DatabaseModes {

	private DatabaseModes() {
	}

	/**
	 * The embedded database with demo data ({@code true}), or an external one without
	 * ({@code false}).
	 */
	public static DatabaseMode mode(boolean demo) {
		return new DatabaseMode() {
			@Override
			public boolean embedded() {
				return demo;
			}

			@Override
			public boolean demo() {
				return demo;
			}
		};
	}

}
