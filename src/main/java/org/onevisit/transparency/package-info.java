/**
 * The public transparency log: every data access, licence issued or revoked, catalogue
 * change and signing-key change as an entry of an append-only Merkle tree (RFC 9162 with
 * SM3), served as C2SP tlog-tiles with signed checkpoints, inclusion and consistency
 * proofs, and cosigned by outside witnesses.
 */
@ApplicationModule(displayName = "Transparency log")
package org.onevisit.transparency;

import org.springframework.modulith.ApplicationModule;
