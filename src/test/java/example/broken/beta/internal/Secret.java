package example.broken.beta.internal;

/** A fixture: internal to module beta, used by alpha to show that verification fails. */
public class Secret {

}
