package example.broken.alpha;

import example.broken.beta.internal.Secret;

/** A fixture that breaks the rules: it reaches into another module's internals. */
public class Alpha {

	Secret secret = new Secret();

}
