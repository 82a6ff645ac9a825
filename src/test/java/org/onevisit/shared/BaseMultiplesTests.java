package org.onevisit.shared;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The constant-time table gives the same multiple of the base point as BouncyCastle's own
 * multiplication, for odd and even scalars, at both ends of the range and where the
 * signed digits are all at their extremes.
 */
class BaseMultiplesTests {

	private static final BigInteger N = VerifyingKey.CURVE.getN();

	private static final ECPoint G = VerifyingKey.CURVE.getG();

	@Test
	void multipliesTheBasePointAsBouncyCastleDoes() {
		Random random = new Random(20261123);
		List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3),
				BigInteger.valueOf(63), BigInteger.valueOf(64), BigInteger.valueOf(127), BigInteger.valueOf(128),
				N.subtract(BigInteger.ONE), N.subtract(BigInteger.TWO), N.shiftRight(1), BigInteger.ONE.shiftLeft(252),
				BigInteger.ONE.shiftLeft(253), BigInteger.ONE.shiftLeft(255),
				// every digit +63; every digit but the last −63
				BigInteger.ONE.shiftLeft(253).subtract(BigInteger.ONE),
				BigInteger.ONE.shiftLeft(253).add(BigInteger.ONE), new BigInteger("7f".repeat(32), 16).mod(N),
				new BigInteger("81".repeat(32), 16).mod(N)));
		for (int i = 0; i < 300; i++) {
			scalars.add(new BigInteger(256, random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE));
		}
		for (BigInteger k : scalars) {
			assertThat(BaseMultiples.G.multiply(G, k).normalize()).as("k = %s", k.toString(16))
				.isEqualTo(G.multiply(k).normalize());
		}
		assertThat(scalars).anyMatch((k) -> !k.testBit(0)).anyMatch((k) -> k.testBit(0));
	}

	@Test
	void leavesOtherPointsAndScalarsOutsideTheGroupOrderToBouncyCastle() {
		ECPoint other = G.multiply(BigInteger.valueOf(7)).normalize();
		BigInteger k = new BigInteger("123456789abcdef", 16);
		assertThat(BaseMultiples.G.multiply(other, k).normalize()).isEqualTo(other.multiply(k).normalize());
		assertThat(BaseMultiples.G.multiply(G, N).isInfinity()).isTrue();
		assertThat(BaseMultiples.G.multiply(G, N.add(BigInteger.TWO)).normalize())
			.isEqualTo(G.multiply(BigInteger.TWO).normalize());
	}

}
