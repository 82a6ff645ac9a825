package org.onevisit.shared;

import java.math.BigInteger;

import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.gm.SM2P256V1Field;
import org.bouncycastle.math.ec.custom.gm.SM2P256V1FieldElement;
import org.bouncycastle.math.raw.Nat256;

/**
 * A sum of points on SM2's curve, kept in Jacobian coordinates and changed in place: the
 * tables' multiplications add 33 to 43 affine points each, and BouncyCastle's immutable
 * points allocated about 1.4 kB per addition, some 2 MB per pre-fill of a form. The
 * addition is BouncyCastle's own formula for this curve, on its field arithmetic, with
 * scratch space kept here; the cases it cannot handle (adding a point to itself or to its
 * negative), which only a chosen scalar reaches, are left to BouncyCastle.
 */
final class Jacobian {

	private static final int[] ONE_WORDS = Nat256.fromBigInteger(BigInteger.ONE);

	private static final SM2P256V1FieldElement G_X_INVERSE = (SM2P256V1FieldElement) VerifyingKey.CURVE.getG()
		.getAffineXCoord()
		.invert();

	private static final SM2P256V1FieldElement G_Y_INVERSE = (SM2P256V1FieldElement) VerifyingKey.CURVE.getG()
		.getAffineYCoord()
		.invert();

	private final int[] x = Nat256.create();

	private final int[] y = Nat256.create();

	private final int[] z = Nat256.create();

	private boolean infinity = true;

	private final int[] z1z1 = Nat256.create();

	private final int[] u2 = Nat256.create();

	private final int[] s2 = Nat256.create();

	private final int[] h = Nat256.create();

	private final int[] r = Nat256.create();

	private final int[] hh = Nat256.create();

	private final int[] g = Nat256.create();

	private final int[] v = Nat256.create();

	private final int[] product = Nat256.createExt();

	private final int[] sum = Nat256.createExt();

	/** this += (x2, y2), an affine point other than infinity. */
	void addAffine(int[] x2, int[] y2) {
		if (this.infinity) {
			Nat256.copy(x2, this.x);
			Nat256.copy(y2, this.y);
			Nat256.copy(ONE_WORDS, this.z);
			this.infinity = false;
			return;
		}
		square(this.z, this.z1z1);
		multiply(this.z1z1, x2, this.u2);
		multiply(this.z1z1, this.z, this.s2);
		multiply(this.s2, y2, this.s2);
		SM2P256V1Field.subtract(this.x, this.u2, this.h);
		SM2P256V1Field.subtract(this.y, this.s2, this.r);
		if (Nat256.isZero(this.h)) {
			// the same point or its negative: BouncyCastle doubles or gives infinity
			set(point().add(affine(x2, y2)));
			return;
		}
		square(this.h, this.hh);
		multiply(this.hh, this.h, this.g);
		multiply(this.hh, this.x, this.v);
		SM2P256V1Field.negate(this.g, this.g);
		Nat256.mul(this.y, this.g, this.sum);
		int carry = Nat256.addBothTo(this.v, this.v, this.g);
		SM2P256V1Field.reduce32(carry, this.g);
		square(this.r, this.x);
		SM2P256V1Field.subtract(this.x, this.g, this.x);
		SM2P256V1Field.subtract(this.v, this.x, this.y);
		SM2P256V1Field.multiplyAddToExt(this.y, this.r, this.sum);
		SM2P256V1Field.reduce(this.sum, this.y);
		multiply(this.h, this.z, this.z);
	}

	/** Negates the sum where the mask is all ones, without a branch on it. */
	void negateWhere(int mask) {
		SM2P256V1Field.negate(this.y, this.v);
		for (int w = 0; w < 8; w++) {
			this.y[w] ^= (this.y[w] ^ this.v[w]) & mask;
		}
	}

	boolean isInfinity() {
		return this.infinity;
	}

	/** The affine x, for a check that needs nothing else. */
	BigInteger affineX() {
		int[] inverse = Nat256.create();
		SM2P256V1Field.inv(this.z, inverse);
		square(inverse, inverse);
		int[] affine = Nat256.create();
		multiply(this.x, inverse, affine);
		return Nat256.toBigInteger(affine);
	}

	/** The sum as BouncyCastle's point, in affine form. */
	ECPoint point() {
		ECPoint base = VerifyingKey.CURVE.getG();
		if (this.infinity) {
			return base.getCurve().getInfinity();
		}
		int[] inverse = Nat256.create();
		SM2P256V1Field.inv(this.z, inverse);
		int[] inverse2 = Nat256.create();
		square(inverse, inverse2);
		int[] affineX = Nat256.create();
		multiply(this.x, inverse2, affineX);
		multiply(inverse2, inverse, inverse2);
		int[] affineY = Nat256.create();
		multiply(this.y, inverse2, affineY);
		return affine(affineX, affineY);
	}

	/**
	 * BouncyCastle makes points only from big integers, which take time that depends on
	 * their value; a point of its own scaled by field elements made from words does not.
	 */
	private static ECPoint affine(int[] x, int[] y) {
		ECPoint base = VerifyingKey.CURVE.getG();
		return base.scaleX(new Words(x).multiply(G_X_INVERSE)).scaleY(new Words(y).multiply(G_Y_INVERSE));
	}

	private void set(ECPoint point) {
		if (point.isInfinity()) {
			this.infinity = true;
			return;
		}
		int[][] words = words(point);
		Nat256.copy(words[0], this.x);
		Nat256.copy(words[1], this.y);
		Nat256.copy(ONE_WORDS, this.z);
		this.infinity = false;
	}

	/** A point's affine coordinates as words, once, for a table. */
	static int[][] words(ECPoint point) {
		ECPoint normal = point.normalize();
		return new int[][] { Nat256.fromBigInteger(normal.getAffineXCoord().toBigInteger()),
				Nat256.fromBigInteger(normal.getAffineYCoord().toBigInteger()) };
	}

	private void multiply(int[] a, int[] b, int[] into) {
		Nat256.mul(a, b, this.product);
		SM2P256V1Field.reduce(this.product, into);
	}

	private void square(int[] a, int[] into) {
		Nat256.square(a, this.product);
		SM2P256V1Field.reduce(this.product, into);
	}

	/**
	 * A field element made from its words, which BouncyCastle lets only subclasses do.
	 */
	private static final class Words extends SM2P256V1FieldElement {

		Words(int[] words) {
			super(words);
		}

	}

}
