/**
 * The outside witness: a plain Java command that follows OneVisit's public log with only
 * its URL and key, and cosigns what it finds consistent.
 */
package org.onevisit.transparency.witness;
