/**
 * The log's formats and proofs in plain Java with BouncyCastle's SM3 only, so that the
 * witness and any other verifier run them without OneVisit.
 */
package org.onevisit.transparency.tlog;
