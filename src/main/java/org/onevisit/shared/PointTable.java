package org.onevisit.shared;

import java.math.BigInteger;

import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.gm.SM2P256V1Field;

/**
 * Every multiple ±1…128 · 2^(8j) · P of one fixed point, so that k · P is at most 33
 * additions and no doublings. For checking signatures only: the table is read at indexes
 * taken from the scalar, so the time it takes depends on the scalar, which is harmless
 * when every input is public (a signature, its content, a public key) and would leak a
 * private scalar. Signing uses {@link BaseMultiples}, which reads its tables whole.
 */
final class PointTable {

	private static final int WIDTH = 8;

	private static final int HALF = 1 << (WIDTH - 1);

	/** A 256-bit scalar in signed 8-bit digits, with the carry of the last. */
	private static final int WINDOWS = (257 + WIDTH - 1) / WIDTH;

	/**
	 * xs[128j + i] and ys[128j + i] are the affine coordinates of (i + 1) · 2^(8j) · P,
	 * which adds fastest: 4,224 points, some 440 kB per key (one key checks in 38 µs
	 * here, 43 µs with 7-bit digits).
	 */
	private final int[][] xs;

	private final int[][] ys;

	private PointTable(int[][] xs, int[][] ys) {
		this.xs = xs;
		this.ys = ys;
	}

	/** About 4,200 additions and one batched inversion: a few milliseconds per point. */
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
		int[][] xs = new int[all.length][];
		int[][] ys = new int[all.length][];
		for (int i = 0; i < all.length; i++) {
			int[][] words = Jacobian.words(all[i]);
			xs[i] = words[0];
			ys[i] = words[1];
		}
		return new PointTable(xs, ys);
	}

	/** sum += k · P, for 0 ≤ k < 2^256. */
	void addMultiple(Jacobian sum, BigInteger k) {
		if (k.signum() < 0 || k.bitLength() > 256) {
			throw new IllegalArgumentException("scalar out of range");
		}
		int[] negated = new int[8];
		int carry = 0;
		for (int window = 0; window < WINDOWS; window++) {
			int digit = bits(k, window * WIDTH) + carry;
			// digits in -127…128: the table holds the positive multiples and a point
			// negates cheaply
			if (digit > HALF) {
				digit -= 2 * HALF;
				carry = 1;
			}
			else {
				carry = 0;
			}
			if (digit > 0) {
				sum.addAffine(this.xs[window * HALF + digit - 1], this.ys[window * HALF + digit - 1]);
			}
			else if (digit < 0) {
				SM2P256V1Field.negate(this.ys[window * HALF - digit - 1], negated);
				sum.addAffine(this.xs[window * HALF - digit - 1], negated);
			}
		}
	}

	private static int bits(BigInteger k, int from) {
		int value = 0;
		for (int bit = WIDTH - 1; bit >= 0; bit--) {
			value = (value << 1) | (k.testBit(from + bit) ? 1 : 0);
		}
		return value;
	}

}
