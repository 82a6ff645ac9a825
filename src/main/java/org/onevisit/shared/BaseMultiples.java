package org.onevisit.shared;

import java.math.BigInteger;

import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.custom.gm.SM2P256V1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * k · G on SM2's curve in constant time, for signing: the scalar is a signature's nonce
 * or a private key. The scalar is written in 43 signed odd digits of six bits, so every
 * digit is an addition of a point read from a table of (2j + 1) · 2^(6i) · G: 42
 * additions and no doublings, where BouncyCastle's comb takes 43 doublings and 43
 * additions. Nothing branches on the scalar and no memory address depends on it: each
 * table is read whole, a digit's sign chooses between y and −y by masking, and an even
 * scalar is replaced by n − k, whose multiple has the same x and is negated back the same
 * way. Below that, the field arithmetic is BouncyCastle's, as its own comb uses it.
 */
final class BaseMultiples implements ECMultiplier {

	private static final int WIDTH = 6;

	private static final int HALF = 1 << (WIDTH - 1);

	/** 42 digits of six bits over bits 1…252, and a last one over bits 253…255. */
	private static final int DIGITS = 43;

	private static final BigInteger N = VerifyingKey.CURVE.getN();

	private static final int[] N_WORDS = Nat256.fromBigInteger(N);

	static final BaseMultiples G = new BaseMultiples(VerifyingKey.CURVE.getG());

	private final ECPoint base;

	/**
	 * tables[i] holds (2j + 1) · 2^(6i) · base for j = 0…31, affine, as 16 words each: x,
	 * then y.
	 */
	private final int[][] tables = new int[DIGITS][HALF * 16];

	private final FixedPointCombMultiplier otherwise = new FixedPointCombMultiplier();

	private BaseMultiples(ECPoint base) {
		this.base = base.normalize();
		ECPoint[] all = new ECPoint[DIGITS * HALF];
		ECPoint power = this.base;
		for (int i = 0; i < DIGITS; i++) {
			ECPoint twice = power.twice();
			ECPoint odd = power;
			for (int j = 0; j < HALF; j++) {
				all[i * HALF + j] = odd;
				odd = odd.add(twice);
			}
			power = power.timesPow2(WIDTH);
		}
		this.base.getCurve().normalizeAll(all);
		for (int i = 0; i < DIGITS; i++) {
			for (int j = 0; j < HALF; j++) {
				int[][] words = Jacobian.words(all[i * HALF + j]);
				System.arraycopy(words[0], 0, this.tables[i], j * 16, 8);
				System.arraycopy(words[1], 0, this.tables[i], j * 16 + 8, 8);
			}
		}
	}

	@Override
	public ECPoint multiply(ECPoint point, BigInteger k) {
		if (!point.equals(this.base) || k.signum() <= 0 || k.compareTo(N) >= 0) {
			// not what the table is for: another point, or a scalar no signature uses
			return this.otherwise.multiply(point, k);
		}
		int[] scalar = Nat256.fromBigInteger(k);
		int[] complement = new int[8];
		Nat256.sub(N_WORDS, scalar, complement);
		// the digits need an odd scalar; n is odd, so one of k and n − k is
		int even = (scalar[0] & 1) - 1;
		for (int w = 0; w < 8; w++) {
			scalar[w] ^= (scalar[w] ^ complement[w]) & even;
		}
		Jacobian sum = new Jacobian();
		int[] x = new int[8];
		int[] y = new int[8];
		int[] negated = new int[8];
		for (int i = 0; i < DIGITS; i++) {
			int v = bits(scalar, WIDTH * i + 1);
			// digit = 2v + 1 − 64, odd, in −63…63: its sign is v's top bit, its size
			// indexes the odd multiples. The last, 2v + 1 over the top three bits, is
			// positive
			int negative = (i < DIGITS - 1) ? ((v >>> (WIDTH - 1)) & 1) - 1 : 0;
			int index = (i < DIGITS - 1) ? (v ^ negative) & (HALF - 1) : v;
			lookup(this.tables[i], index, x, y);
			SM2P256V1Field.negate(y, negated);
			for (int w = 0; w < 8; w++) {
				y[w] ^= (y[w] ^ negated[w]) & negative;
			}
			sum.addAffine(x, y);
		}
		sum.negateWhere(even);
		return sum.point();
	}

	/** Entry index of the table, read by reading every entry. */
	private static void lookup(int[] table, int index, int[] x, int[] y) {
		for (int w = 0; w < 8; w++) {
			x[w] = 0;
			y[w] = 0;
		}
		for (int j = 0; j < HALF; j++) {
			int match = ((j ^ index) - 1) >> 31;
			for (int w = 0; w < 8; w++) {
				x[w] |= table[j * 16 + w] & match;
				y[w] |= table[j * 16 + 8 + w] & match;
			}
		}
	}

	/** The six bits of the scalar from the given position, fewer past bit 255. */
	private static int bits(int[] scalar, int from) {
		int word = from >>> 5;
		int shift = from & 31;
		long window = scalar[word] & 0xFFFFFFFFL;
		if (word + 1 < 8) {
			window |= (scalar[word + 1] & 0xFFFFFFFFL) << 32;
		}
		return (int) (window >>> shift) & ((1 << WIDTH) - 1);
	}

}
