package org.onevisit.shared;

import java.math.BigInteger;

import org.bouncycastle.math.ec.ECPoint;

/**
 * Every multiple ±1…64 · 2^(7j) · P of one fixed point, so that k · P is at most 37
 * additions and no doublings. For checking signatures only: the table is read at indexes
 * taken from the scalar, so the time it takes depends on the scalar, which is harmless
 * when every input is public (a signature, its content, a public key) and would leak a
 * private scalar. Signing keeps BouncyCastle's constant-time multiplication.
 */
final class PointTable {

	private static final int WIDTH = 7;

	private static final int HALF = 1 << (WIDTH - 1);

	/** A 256-bit scalar in signed 7-bit digits, with the carry of the last. */
	private static final int WINDOWS = (257 + WIDTH - 1) / WIDTH;

	/** multiples[64j + i] = (i + 1) · 2^(7j) · P, in affine form, which adds fastest. */
	private final ECPoint[] multiples;

	private PointTable(ECPoint[] multiples) {
		this.multiples = multiples;
	}

	/** About 2,400 additions and one batched inversion: a few milliseconds per point. */
	static PointTable of(ECPoint point) {
		ECPoint[] all = new ECPoint[WINDOWS * HALF];
		ECPoint base = point.normalize();
		for (int window = 0; window < WINDOWS; window++) {
			ECPoint multiple = base;
			for (int i = 0; i < HALF; i++) {
				all[window * HALF + i] = multiple;
				multiple = multiple.add(base);
			}
			base = base.timesPow2(WIDTH);
		}
		// one inversion for all, in place
		point.getCurve().normalizeAll(all);
		return new PointTable(all);
	}

	/** sum + k · P, for 0 ≤ k < 2^256. */
	ECPoint addMultiple(ECPoint sum, BigInteger k) {
		if (k.signum() < 0 || k.bitLength() > 256) {
			throw new IllegalArgumentException("scalar out of range");
		}
		ECPoint result = sum;
		int carry = 0;
		for (int window = 0; window < WINDOWS; window++) {
			int digit = bits(k, window * WIDTH) + carry;
			// digits in -63…64: the table holds the positive multiples and a point
			// negates cheaply
			if (digit > HALF) {
				digit -= 2 * HALF;
				carry = 1;
			}
			else {
				carry = 0;
			}
			if (digit > 0) {
				result = result.add(this.multiples[window * HALF + digit - 1]);
			}
			else if (digit < 0) {
				result = result.add(this.multiples[window * HALF - digit - 1].negate());
			}
		}
		return result;
	}

	private static int bits(BigInteger k, int from) {
		int value = 0;
		for (int bit = WIDTH - 1; bit >= 0; bit--) {
			value = (value << 1) | (k.testBit(from + bit) ? 1 : 0);
		}
		return value;
	}

}
