package example.broken.beta;

/** A fixture module's public API. */
public class Beta {

}
