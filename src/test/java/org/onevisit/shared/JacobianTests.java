package org.onevisit.shared;

import java.math.BigInteger;
import java.util.Random;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sum kept in place adds as BouncyCastle's points do, including the two cases its
 * formula cannot take: a point added to itself and to its negative.
 */
class JacobianTests {

	private static final ECPoint G = VerifyingKey.CURVE.getG();

	private final Random random = new Random(20261123);

	@Test
	void addsAffinePointsAsBouncyCastleDoes() {
		for (int round = 0; round < 20; round++) {
			Jacobian sum = new Jacobian();
			ECPoint expected = G.getCurve().getInfinity();
			int terms = 1 + this.random.nextInt(40);
			for (int i = 0; i < terms; i++) {
				ECPoint term = G.multiply(new BigInteger(256, this.random)).normalize();
				add(sum, term);
				expected = expected.add(term);
			}
			assertThat(sum.point()).isEqualTo(expected.normalize());
			assertThat(sum.affineX()).isEqualTo(expected.normalize().getAffineXCoord().toBigInteger());
		}
	}

	@Test
	void doublesAPointAddedToItselfAndVanishesWithItsNegative() {
		ECPoint p = G.multiply(BigInteger.valueOf(1234567)).normalize();
		ECPoint q = G.multiply(BigInteger.valueOf(7654321)).normalize();
		Jacobian sum = new Jacobian();
		add(sum, p);
		add(sum, q);
		// p + q, then p + q again: the same point as the sum
		add(sum, p.add(q).normalize());
		assertThat(sum.point()).isEqualTo(p.add(q).twice().normalize());

		add(sum, p.add(q).twice().negate().normalize());
		assertThat(sum.isInfinity()).isTrue();
		assertThat(sum.point().isInfinity()).isTrue();
		add(sum, q);
		assertThat(sum.point()).isEqualTo(q);
	}

	@Test
	void negatesOnlyWhereTheMaskSaysSo() {
		ECPoint p = G.multiply(BigInteger.valueOf(99)).normalize();
		Jacobian kept = new Jacobian();
		add(kept, p);
		kept.negateWhere(0);
		Jacobian negated = new Jacobian();
		add(negated, p);
		negated.negateWhere(-1);
		assertThat(kept.point()).isEqualTo(p);
		assertThat(negated.point()).isEqualTo(p.negate().normalize());
	}

	private static void add(Jacobian sum, ECPoint point) {
		int[][] words = Jacobian.words(point);
		sum.addAffine(words[0], words[1]);
	}

}
